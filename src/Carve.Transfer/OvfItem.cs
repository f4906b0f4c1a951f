using System.Xml.Linq;

namespace Carve.Transfer;

/// <summary>One RASD item of a VirtualHardwareSection (Item, StorageItem or EthernetPortItem), its fields by local name.</summary>
internal sealed record OvfItem
{
    public required int Index { get; init; }
    public string? InstanceId { get; init; }
    public int ResourceType { get; init; }
    public string? SubType { get; init; }
    public string? Parent { get; init; }
    public string? AddressOnParent { get; init; }
    public string? Address { get; init; }
    public string? HostResource { get; init; }
    public string? VirtualQuantity { get; init; }
    public string? AllocationUnits { get; init; }

    /// <summary>The items that apply: those for every configuration and those for the default one.</summary>
    public static IReadOnlyList<OvfItem> ReadAll(XElement hardware, string? configuration) =>
        hardware.Elements()
            .Where(e => e.Name.LocalName is "Item" or "StorageItem" or "EthernetPortItem")
            .Where(e => OvfXml.Attr(e, "configuration") is not { } only
                || (configuration is not null && only.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(configuration)))
            .Select((e, i) => new OvfItem
            {
                Index = i,
                InstanceId = Field(e, "InstanceID"),
                ResourceType = int.TryParse(Field(e, "ResourceType"), out var type) ? type : 0,
                SubType = Field(e, "ResourceSubType"),
                Parent = Field(e, "Parent"),
                AddressOnParent = Field(e, "AddressOnParent"),
                Address = Field(e, "Address"),
                HostResource = Field(e, "HostResource"),
                VirtualQuantity = Field(e, "VirtualQuantity"),
                AllocationUnits = Field(e, "AllocationUnits"),
            })
            .ToList();

    private static string? Field(XElement item, string name) => OvfXml.Child(item, name)?.Value.Trim();
}
