namespace Carve.Contracts.Host;

/// <summary>One PCI device for `carve host pci` and GET /api/v1/host/pci.</summary>
public sealed record PciDeviceView
{
    public required string Address { get; init; }
    /// <summary>vendor:device in hex, e.g. 10de:1b80.</summary>
    public required string Id { get; init; }
    public required string Vendor { get; init; }
    public required string Device { get; init; }
    public required string Class { get; init; }
    public string? Driver { get; init; }
    public int? IommuGroup { get; init; }
    /// <summary>The other devices of the same IOMMU group, which are passed through together.</summary>
    public IReadOnlyList<string> GroupMembers { get; set; } = [];
    public bool Passthrough { get; init; }
    /// <summary>One sentence: why the device can or cannot be passed through.</summary>
    public required string Reason { get; init; }
    /// <summary>The running VM it is assigned to, if any.</summary>
    public string? AssignedTo { get; init; }
}
