using Carve.Contracts.Vms;
using Carve.Core.Drivers;

namespace Carve.Core.Networks;

public static class NicViews
{
    /// <summary>A guest's NICs as shown on the wire, with the host-side interface its kind names after it.</summary>
    public static IReadOnlyList<NicView> From(int guestId, IGuestDefinition kind, IReadOnlyList<GuestNic> nics) =>
        nics.Select((n, i) => new NicView(n.Name, n.Network, n.Model, n.Mac)
        {
            Vlan = n.Vlan,
            Ip = n.Ip,
            Publish = n.Publish.Select(p => p.ToString()).ToList(),
            HostInterface = n.OnCarveNetwork ? kind.HostInterface(guestId, i) : null,
        }).ToList();
}
