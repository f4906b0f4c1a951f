using Carve.Contracts.Networks;

namespace Carve.Contracts.Vms;

/// <summary>A guest NIC (VMs and containers).</summary>
public sealed record NicRequest
{
    /// <summary>"user" is QEMU user-mode NAT (VMs only); any other value names a Carve network.</summary>
    public string Network { get; set; } = "user";
    /// <summary>virtio or e1000 (VMs; containers always get a veth).</summary>
    public string Model { get; set; } = "virtio";
    public string? Mac { get; init; }
    /// <summary>The VLAN (1-4094) the NIC is an untagged member of; none: the bridge's untagged traffic.</summary>
    public int? Vlan { get; init; }
    /// <summary>Host ports forwarded to this NIC; only on NAT networks.</summary>
    public IReadOnlyList<PublishRequest>? Publish { get; init; }
}
