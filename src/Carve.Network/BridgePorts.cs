using Carve.Core.Errors;
using Carve.Core.Networks;
using Carve.Host.Net;

namespace Carve.Network;

/// <summary>
/// Guests' host-side interfaces on Carve's bridges: a VM's tap made and plugged in at its start, and, when a bridge
/// had to be made again (after a host reboot or someone deleting it), the taps and veths of guests that kept running
/// plugged back in. Only names Carve derives from its own guests are touched.
/// </summary>
public sealed class BridgePorts(LinkCommands links) : IBridgePorts
{
    public bool KernelVlans(string bridge) => links.Exists(bridge) && links.VlanFiltering(bridge);

    public async Task PlugTapAsync(string tap, string bridge, int? vlan, CancellationToken ct)
    {
        // A tap with carrier is held open by a running process: not this stopped VM's leftover, so it is not Carve's to remove.
        if (links.Exists(tap) && links.HasCarrier(tap))
            throw new ConflictException($"The tap {tap} exists and is in use by another process (another carved on this host?); Carve leaves it alone.");
        await links.DeleteIfExistsAsync(tap, ct);
        await links.CreateTapAsync(tap, ct);
        await PlugAsync(tap, bridge, vlan, ct);
    }

    public Task RemoveAsync(string hostInterface, CancellationToken ct) => links.DeleteIfExistsAsync(hostInterface, ct);

    /// <summary>Plugs the ports that exist but are not on <paramref name="bridge"/> (any more) back into it.</summary>
    public async Task ReattachAsync(string bridge, IReadOnlyList<NetworkPort> ports, CancellationToken ct)
    {
        foreach (var port in ports)
        {
            if (links.Exists(port.HostInterface) && links.MasterOf(port.HostInterface) != bridge)
                await PlugAsync(port.HostInterface, bridge, port.Vlan, ct);
        }
    }

    /// <summary>
    /// Into the bridge and up. Without kernel VLAN filtering the network's bridge firewall keeps VLANs apart instead
    /// (see the bridge driver), so the port is then left untagged here.
    /// </summary>
    private async Task PlugAsync(string port, string bridge, int? vlan, CancellationToken ct)
    {
        await links.SetMasterAsync(port, bridge, ct);
        if (vlan is { } id && links.VlanFiltering(bridge))
            await links.SetAccessVlanAsync(port, id, ct);
        await links.SetUpAsync(port, ct);
    }
}
