using Carve.Contracts.Vms;
using Carve.Core.Vms;

namespace Carve.Core.Networks;

public static class NicViews
{
    public static IReadOnlyList<NicView> From(int guestId, string kind, IReadOnlyList<VmNic> nics) =>
        nics.Select((n, i) => new NicView(n.Name, n.Network, n.Model, n.Mac)
        {
            Vlan = n.Vlan,
            Ip = n.Ip,
            Publish = n.Publish.Select(p => p.ToString()).ToList(),
            HostInterface = n.OnCarveNetwork ? NicNames.HostSide(kind, guestId, i) : null,
        }).ToList();
}
