using Carve.Core.Networks;
using Carve.Host.Net;

namespace Carve.Network;

/// <summary>
/// When a bridge had to be made again (after a host reboot or someone deleting it), the taps and veths of guests
/// that kept running are no longer its ports: they are plugged back in, in their VLAN where the kernel tags VLANs.
/// Only names Carve derives from its own guests are touched.
/// </summary>
public static class PortReattacher
{
    public static async Task ReattachAsync(LinkCommands links, string bridge, IReadOnlyList<NetworkPort> ports, CancellationToken ct)
    {
        foreach (var port in ports)
        {
            if (!links.Exists(port.HostInterface) || links.MasterOf(port.HostInterface) == bridge)
                continue;
            await links.SetMasterAsync(port.HostInterface, bridge, ct);
            if (port.Vlan is { } vlan && links.VlanFiltering(bridge))
                await links.SetAccessVlanAsync(port.HostInterface, vlan, ct);
            await links.SetUpAsync(port.HostInterface, ct);
        }
    }
}
