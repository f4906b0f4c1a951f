using System.Text.Json.Serialization;

namespace Carve.Core.Networks;

/// <summary>A guest's NIC, whatever the kind of guest. Network "user" is QEMU's user-mode NAT; other names are Carve networks.</summary>
public sealed record GuestNic(string Name, string Network, string Model, string Mac)
{
    /// <summary>The VLAN the NIC is an untagged member of on its bridge; null for the bridge's untagged traffic.</summary>
    public int? Vlan { get; init; }
    /// <summary>The address reserved for this NIC by a NAT network's DHCP.</summary>
    public string? Ip { get; init; }
    public IReadOnlyList<PortPublish> Publish { get; set; } = [];

    public const string UserNetwork = "user";

    [JsonIgnore]
    public bool OnCarveNetwork => Network != UserNetwork;
}
