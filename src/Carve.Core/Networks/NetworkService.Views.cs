using Carve.Contracts.Networks;
using Carve.Core.Guests;

namespace Carve.Core.Networks;

public sealed partial class NetworkService
{
    /// <summary>What the network serves: a fixed address per NIC (named after its guest) and the published ports.</summary>
    public NetworkPlan Plan(NetworkRecord network)
    {
        var all = GuestNics.All(guests.List()).Where(x => x.Nic.Network == network.Name).ToList();
        var nics = all.Where(x => x.Nic.Ip is not null).ToList();
        return new NetworkPlan
        {
            Ports = all.Select(x => new NetworkPort(HostInterface(x.Guest, x.Nic), x.Nic.Vlan)).ToList(),
            Reservations = nics.Select(x => new DhcpReservation(x.Nic.Mac, x.Nic.Ip!, x.Guest.Name)).ToList(),
            Forwards = nics.SelectMany(x => x.Nic.Publish.Select(p => new PortForward(p.Protocol, p.HostPort, x.Nic.Ip!, p.GuestPort))).ToList(),
        };
    }

    private string HostInterface(GuestRecord guest, GuestNic nic) =>
        guestDrivers.Definition(guest.Kind).HostInterface(guest.Id, NicNames.Index(nic.Name));

    private List<string> Users(string network) =>
        NicsOn(network, null).Select(x => x.Guest.Describe()).Distinct().ToList();

    private IEnumerable<(GuestRecord Guest, GuestNic Nic)> NicsOn(string network, Func<string, bool>? mayUse) =>
        GuestNics.All(guests.List()).Where(x => x.Nic.Network == network && (mayUse is null || mayUse(x.Guest.Name)));

    /// <summary>
    /// The network as a caller sees it: one limited to some guests (mayUse) sees only those among its users and
    /// leases, so that the names and addresses of the others stay hidden.
    /// </summary>
    private NetworkView View(NetworkRecord network, Func<string, bool>? mayUse)
    {
        var nics = NicsOn(network.Name, mayUse).ToList();
        var leases = drivers.For(network.Type).Leases(network).Select(l => new LeaseView(l.Mac, l.Ip, l.Hostname, l.ExpiresAt));
        if (mayUse is not null)
        {
            var macs = nics.Select(x => x.Nic.Mac).ToHashSet(StringComparer.OrdinalIgnoreCase);
            leases = leases.Where(l => macs.Contains(l.Mac));
        }
        return new NetworkView
        {
            Name = network.Name,
            Type = network.Type,
            Bridge = network.Bridge,
            Subnet = network.Subnet,
            Gateway = network.ParsedSubnet?.Gateway,
            Uplink = network.Uplink,
            Adopted = network.Adopted,
            Users = nics.Select(x => x.Guest.Describe()).Distinct().ToList(),
            Leases = leases.ToList(),
            CreatedAt = network.CreatedAt,
        };
    }

    private static string Describe(NetworkRecord network) => network.Type == "nat"
        ? $"NAT {network.Subnet} on bridge {network.Bridge}, gateway {network.ParsedSubnet!.Gateway}"
        : $"bridge {network.Bridge}" + (network.Uplink is null ? "" : $" with uplink {network.Uplink}");
}
