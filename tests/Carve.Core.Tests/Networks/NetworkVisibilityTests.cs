using Carve.Core.Networks;
using Carve.Core.Tests.Orchestration;

namespace Carve.Core.Tests.Networks;

/// <summary>A caller limited to some guests sees only those among a network's users and DHCP leases.</summary>
public sealed class NetworkVisibilityTests : IDisposable
{
    private readonly CoreHarness _core = new();

    public NetworkVisibilityTests()
    {
        _core.NatNetwork("lan", "10.77.0.0/24");
        _core.Guest("web", nics: _core.Plan(Contracts.Guests.GuestKind.Vm, "lan"));
        _core.Guest("vault", nics: _core.Plan(Contracts.Guests.GuestKind.Vm, "lan"));
        _core.Nat.HandedOut = [.. _core.Guests.List().Select(g => new NetworkLease(g.Config.Nics[0].Mac.ToUpperInvariant(), g.Config.Nics[0].Ip!, g.Name, null))];
    }

    public void Dispose() => _core.Dispose();

    private NetworkService Networks => _core.Get<NetworkService>();

    [Fact]
    public void An_unlimited_caller_sees_every_user_and_lease()
    {
        var lan = Networks.Show("lan");
        Assert.Equal(2, lan.Users.Count);
        Assert.Equal(["vault", "web"], lan.Leases.Select(l => l.Hostname).Order());
    }

    [Fact]
    public void A_limited_caller_sees_only_its_guests_among_users_and_leases()
    {
        static bool OnlyWeb(string name) => name == "web";
        foreach (var lan in new[] { Networks.Show("lan", OnlyWeb), Networks.List(OnlyWeb).Single() })
        {
            Assert.Contains(" web ", Assert.Single(lan.Users), StringComparison.Ordinal);
            Assert.Equal(["web"], lan.Leases.Select(l => l.Hostname));
            Assert.DoesNotContain(lan.Users, u => u.Contains("vault", StringComparison.Ordinal));
        }
    }
}
