using Carve.Contracts.Networks;
using Carve.Contracts.Vms;
using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Tests.Support;
using Carve.Core.Tests.Support.Fakes;

namespace Carve.Core.Tests.Networks;

public sealed class NicPlannerTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly GuestStore _guests;
    private readonly NicPlanner _planner;

    public NicPlannerTests()
    {
        var networks = new NetworkStore(_db.Db);
        networks.Insert(new NetworkRecord { Name = "lab", Type = "nat", Bridge = "lab", Subnet = "10.77.0.0/29", CreatedAt = DateTimeOffset.UtcNow });
        networks.Insert(new NetworkRecord { Name = "lan", Type = "bridge", Bridge = "vmbr0", Uplink = "eth0", CreatedAt = DateTimeOffset.UtcNow });
        _guests = new GuestStore(_db.Db);
        _planner = new NicPlanner(networks, _guests, FakeKinds.Standard());
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Nat_nics_get_the_lowest_free_addresses_and_local_unicast_macs()
    {
        var nics = _planner.Plan([new NicRequest { Network = "lab" }, new NicRequest { Network = "lab", Model = "e1000" }], GuestKind.Vm, null);
        Assert.Equal(["10.77.0.2", "10.77.0.3"], nics.Select(n => n.Ip));
        Assert.Equal(["net0", "net1"], nics.Select(n => n.Name));
        Assert.All(nics, n => Assert.Equal(2, Convert.ToByte(n.Mac[..2], 16) & 3));
        Assert.Equal("e1000", nics[1].Model);
    }

    [Fact]
    public void Addresses_and_macs_of_other_guests_are_taken()
    {
        var taken = _planner.Plan([new NicRequest { Network = "lab", Mac = "02:00:00:00:00:01" }], GuestKind.Ct, null);
        Store("web", GuestKind.Ct, taken);
        var e = Assert.Throws<ConflictException>(() => _planner.Plan([new NicRequest { Network = "lab", Mac = "02:00:00:00:00:01" }], GuestKind.Vm, null));
        Assert.Contains("ct web", e.Message, StringComparison.Ordinal);
        var next = _planner.Plan([new NicRequest { Network = "lab" }], GuestKind.Vm, null);
        Assert.Equal("10.77.0.3", Assert.Single(next).Ip);
    }

    [Fact]
    public void A_guest_replacing_its_nics_may_keep_its_own_address_and_ports()
    {
        var nics = _planner.Plan([Published("lab", 8080)], GuestKind.Ct, null);
        var guest = Store("web", GuestKind.Ct, nics);
        var again = Assert.Single(_planner.Plan([Published("lab", 8080)], GuestKind.Ct, guest.Id));
        Assert.Equal(8080, Assert.Single(again.Publish).HostPort);
        Assert.Equal(nics[0].Ip, again.Ip);
    }

    [Fact]
    public void A_clone_gets_the_same_networks_with_its_own_macs_and_addresses_and_no_published_ports()
    {
        var source = _planner.Plan([Published("lab", 8080), new NicRequest { Network = "lan", Vlan = 20 }], GuestKind.Ct, null);
        Store("web", GuestKind.Ct, source);
        var copies = _planner.PlanCopies(source, GuestKind.Ct);
        Assert.Equal(["lab", "lan"], copies.Select(n => n.Network));
        Assert.Equal(20, copies[1].Vlan);
        Assert.NotEqual(source[0].Ip, copies[0].Ip);
        Assert.NotNull(copies[0].Ip);
        Assert.DoesNotContain(copies, c => source.Any(s => s.Mac == c.Mac));
        Assert.All(copies, c => Assert.Empty(c.Publish));
    }

    [Fact]
    public void A_full_subnet_is_a_conflict()
    {
        // A /29 has six guest-usable addresses after the gateway: .2 to .6 (five).
        for (var i = 0; i < 5; i++)
            Store($"g{i}", GuestKind.Ct, _planner.Plan([new NicRequest { Network = "lab" }], GuestKind.Ct, null));
        Assert.Throws<ConflictException>(() => _planner.Plan([new NicRequest { Network = "lab" }], GuestKind.Ct, null));
    }

    [Fact]
    public void A_published_host_port_belongs_to_one_guest()
    {
        Store("web", GuestKind.Ct, _planner.Plan([Published("lab", 8080)], GuestKind.Ct, null));
        var e = Assert.Throws<ConflictException>(() => _planner.Plan([Published("lab", 8080)], GuestKind.Vm, null));
        Assert.Contains("ct web", e.Message, StringComparison.Ordinal);
        Assert.Throws<BadRequestException>(() => _planner.Plan([Published("lab", 9000), Published("lab", 9000)], GuestKind.Vm, null));
    }

    [Fact]
    public void Vlans_are_kept_on_bridge_networks()
    {
        var nic = Assert.Single(_planner.Plan([new NicRequest { Network = "lan", Vlan = 20 }], GuestKind.Ct, null));
        Assert.Equal((20, (string?)null, "veth"), (nic.Vlan!.Value, nic.Ip, nic.Model));
    }

    public static TheoryData<NicRequest, GuestKind> BadNics => new()
    {
        { new NicRequest { Network = "nowhere" }, GuestKind.Vm },
        { new NicRequest { Network = "user" }, GuestKind.Ct },
        { new NicRequest { Network = "user", Vlan = 5 }, GuestKind.Vm },
        { new NicRequest { Network = "lab", Vlan = 5 }, GuestKind.Vm },
        { new NicRequest { Network = "lan", Vlan = 4095 }, GuestKind.Vm },
        { new NicRequest { Network = "lan", Vlan = 0 }, GuestKind.Vm },
        { new NicRequest { Network = "lab", Model = "rtl8139" }, GuestKind.Vm },
        { new NicRequest { Network = "lab", Mac = "01:00:00:00:00:01" }, GuestKind.Vm },
        { Published("lan", 8080), GuestKind.Vm },
        { new NicRequest { Network = "lab", Publish = [new PublishRequest { HostPort = 80, GuestPort = 80, Protocol = "sctp" }] }, GuestKind.Vm },
        { new NicRequest { Network = "lab", Publish = [new PublishRequest { HostPort = 0, GuestPort = 80 }] }, GuestKind.Vm },
        { new NicRequest { Network = "lab\n" }, GuestKind.Vm },
    };

    [Theory]
    [MemberData(nameof(BadNics))]
    public void Bad_nics_are_refused_before_anything_is_made(NicRequest nic, GuestKind kind) =>
        Assert.Throws<BadRequestException>(() => _planner.Plan([nic], kind, null));

    private static NicRequest Published(string network, int hostPort) =>
        new() { Network = network, Publish = [new PublishRequest { HostPort = hostPort, GuestPort = 80 }] };

    private GuestRecord Store(string name, GuestKind kind, IReadOnlyList<GuestNic> nics)
    {
        var guest = _guests.Insert(name, null, kind, _ => new GuestConfig { Nics = nics }, "t");
        _guests.ReleaseLock(guest.Id, "t");
        return guest;
    }
}
