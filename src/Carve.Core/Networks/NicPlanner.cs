using Carve.Contracts.Guests;
using Carve.Contracts.Networks;
using Carve.Contracts.Vms;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Validation;

namespace Carve.Core.Networks;

/// <summary>
/// Turns NIC requests into stored NICs: the network must exist, MACs are unique on the host, a NAT network reserves
/// each NIC an address, and a published host port is used once. Runs at the edge, before anything is made.
/// </summary>
public sealed class NicPlanner(NetworkStore networks, GuestStore guests, GuestDrivers drivers)
{
    public const int MaxNics = 8;
    private static readonly string[] Protocols = ["tcp", "udp"];

    // Two creates validated at once must not pick the same address: allocation and the guest insert are close in
    // time but not atomic, so addresses handed out recently are remembered for a while.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTime> _recent = [];

    /// <param name="kind">Its definition says which NIC models there are and whether user-mode NAT is one.</param>
    /// <param name="guestId">The guest whose NICs are replaced (set), so its own addresses and ports are free to keep.</param>
    public IReadOnlyList<GuestNic> Plan(IReadOnlyList<NicRequest?> requests, GuestKind kind, int? guestId)
    {
        if (requests.Count > MaxNics)
            throw new BadRequestException($"A guest can have at most {MaxNics} NICs.");
        lock (_gate)
        {
            var all = guests.List();
            var others = GuestNics.All(all.Where(g => g.Id != guestId)).ToList();
            var own = all.FirstOrDefault(g => g.Id == guestId)?.Config.Nics ?? [];
            var planned = new List<GuestNic>();
            for (var i = 0; i < requests.Count; i++)
            {
                var nic = PlanOne(requests[i] ?? throw new BadRequestException($"NIC {i} is null."), i, kind, others, planned);
                // A NIC that stays on its network keeps its address (and so its DHCP lease and published ports' target).
                if (i < own.Count && own[i].Network == nic.Network && own[i].Ip is { } kept && nic.Ip is not null && planned.All(p => p.Ip != kept))
                    nic = nic with { Ip = kept };
                planned.Add(nic);
            }
            return planned;
        }
    }

    /// <summary>NICs for a copy of a guest (a clone): the same networks, models and VLANs with new MACs and addresses, no published ports.</summary>
    public IReadOnlyList<GuestNic> PlanCopies(IReadOnlyList<GuestNic> source, GuestKind kind) =>
        Plan(source.Select(n => new NicRequest { Network = n.Network, Model = n.Model, Vlan = n.Vlan }).ToList(), kind, guestId: null);

    private GuestNic PlanOne(NicRequest request, int index, GuestKind kind, List<(GuestRecord Guest, GuestNic Nic)> others, List<GuestNic> planned)
    {
        var definition = drivers.Definition(kind);
        var nic = new GuestNic($"net{index}", request.Network, Model(request, index, definition), Mac(request, index, others, planned));
        if (request.Network == GuestNic.UserNetwork)
        {
            if (!definition.HasUserModeNat)
                throw new BadRequestException($"NIC {index}: {kind.Noun}s have no user-mode NAT; name a network from `carve network list`.");
            if (request.Vlan is not null || request.Publish is { Count: > 0 })
                throw new BadRequestException($"NIC {index}: VLANs and published ports need a Carve network, not user-mode NAT.");
            return nic;
        }
        Names.RejectControlCharacters("network", request.Network);
        var network = networks.Find(request.Network)
            ?? throw new BadRequestException($"NIC {index}: there is no network '{Names.Printable(request.Network)}'; see `carve network list`.");
        if (request.Vlan is { } vlan)
        {
            if (vlan is < 1 or > 4094)
                throw new BadRequestException($"NIC {index}: VLAN {vlan} is out of range; use 1 to 4094.");
            if (network.Type == "nat")
                throw new BadRequestException($"NIC {index}: NAT network {network.Name} serves untagged guests only; VLANs are for bridge networks.");
        }
        var publish = Publish(request.Publish ?? [], index, network, others, planned);
        return nic with
        {
            Vlan = request.Vlan,
            Publish = publish,
            Ip = network.ParsedSubnet is { } subnet ? Allocate(network.Name, subnet, others, planned) : null,
        };
    }

    /// <summary>The model asked for; a kind with one model only (a container's veth) leaves nothing to choose.</summary>
    private static string Model(NicRequest request, int index, IGuestDefinition kind)
    {
        if (kind.NicModels.Count == 1)
            return kind.NicModels[0];
        return kind.NicModels.Contains(request.Model)
            ? request.Model
            : throw new BadRequestException($"Invalid model of NIC {index} '{Names.Printable(request.Model)}': use one of {string.Join(", ", kind.NicModels)}.");
    }

    private static string Mac(NicRequest request, int index, List<(GuestRecord Guest, GuestNic Nic)> others, List<GuestNic> planned)
    {
        if (request.Mac is null)
            return MacAddresses.NewUnique(others.Select(o => o.Nic.Mac).Concat(planned.Select(p => p.Mac)));
        var mac = MacAddresses.Validate(request.Mac);
        if (planned.Any(p => p.Mac == mac))
            throw new BadRequestException("Two NICs of the guest have the same MAC address.");
        return others.FirstOrDefault(o => o.Nic.Mac == mac) is { Guest: { } owner }
            ? throw new ConflictException($"NIC {index}: the MAC address {mac} is already used by {owner.Describe()}.")
            : mac;
    }

    private static List<PortPublish> Publish(
        IReadOnlyList<PublishRequest?> requests, int index, NetworkRecord network, List<(GuestRecord Guest, GuestNic Nic)> others, List<GuestNic> planned)
    {
        if (requests.Count > 0 && network.Type != "nat")
            throw new BadRequestException($"NIC {index}: ports can only be published from NAT networks; {network.Name} is a {network.Type} network.");
        var list = new List<PortPublish>();
        foreach (var request in requests)
        {
            if (request is null)
                throw new BadRequestException($"NIC {index}: a published port is null.");
            if (!Protocols.Contains(request.Protocol))
                throw new BadRequestException($"NIC {index}: protocol '{Names.Printable(request.Protocol)}' is not tcp or udp.");
            if (request.HostPort is < 1 or > 65535 || request.GuestPort is < 1 or > 65535)
                throw new BadRequestException($"NIC {index}: ports are 1 to 65535, not {request.HostPort}:{request.GuestPort}.");
            var port = new PortPublish(request.Protocol, request.HostPort, request.GuestPort);
            bool Same(PortPublish p) => p.Protocol == port.Protocol && p.HostPort == port.HostPort;
            if (list.Any(Same) || planned.Any(n => n.Publish.Any(Same)))
                throw new BadRequestException($"Host port {port.HostPort}/{port.Protocol} is published twice.");
            if (others.FirstOrDefault(o => o.Nic.Publish.Any(Same)) is { Guest: { } owner })
                throw new ConflictException($"Host port {port.HostPort}/{port.Protocol} is already published by {owner.Describe()}.");
            list.Add(port);
        }
        return list;
    }

    private string Allocate(string network, Ipv4Subnet subnet, List<(GuestRecord Guest, GuestNic Nic)> others, List<GuestNic> planned)
    {
        var now = DateTime.UtcNow;
        foreach (var stale in _recent.Where(r => r.Value < now).Select(r => r.Key).ToList())
            _recent.Remove(stale);
        var used = others.Where(o => o.Nic.Network == network).Select(o => o.Nic.Ip)
            .Concat(planned.Where(p => p.Network == network).Select(p => p.Ip))
            .Concat(_recent.Keys.Where(k => k.StartsWith(network + "/", StringComparison.Ordinal)).Select(k => k[(network.Length + 1)..]))
            .Select(Ipv4Subnet.TryParseAddress).OfType<uint>().ToHashSet();
        for (var address = subnet.FirstGuest; address <= subnet.LastGuest; address++)
        {
            if (used.Contains(address))
                continue;
            var ip = Ipv4Subnet.Format(address);
            _recent[$"{network}/{ip}"] = now.AddMinutes(1);
            return ip;
        }
        throw new ConflictException($"Network {network} ({subnet}) has no free address left.");
    }
}
