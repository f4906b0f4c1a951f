namespace Carve.Core.Networks;

/// <summary>
/// The host side of guest NICs on a bridge: taps for VMs (veths are made by LXC itself). Implemented by the network
/// layer, which alone runs ip and bridge; the core and the guest drivers only say what should be plugged where.
/// </summary>
public interface IBridgePorts
{
    /// <summary>True when the bridge tags VLANs in the kernel; else VLANs are isolation groups kept by nftables.</summary>
    bool KernelVlans(string bridge);

    /// <summary>Makes the tap afresh and plugs it into the bridge, in its VLAN when it has one.</summary>
    Task PlugTapAsync(string tap, string bridge, int? vlan, CancellationToken ct);

    /// <summary>Removes a host-side interface a stopped guest left; a missing one is fine.</summary>
    Task RemoveAsync(string hostInterface, CancellationToken ct);
}
