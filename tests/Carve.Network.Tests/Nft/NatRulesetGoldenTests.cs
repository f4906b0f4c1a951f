using Carve.Core.Networks;
using Carve.Network.Nft;
using Carve.Network.Tests.Support;

namespace Carve.Network.Tests.Nft;

public sealed class NatRulesetGoldenTests
{
    private static NatRulesetSpec Lab => new() { Network = "lab", Bridge = "lab", Subnet = Ipv4Subnet.Parse("10.77.0.0/24") };

    [Fact]
    public void A_network_without_published_ports_masquerades_and_isolates() =>
        GoldenFile.AssertMatches("nat-plain.nft", NatRulesetBuilder.Build(Lab));

    [Fact]
    public void Published_ports_become_dnat_rules_for_outside_and_local_traffic() =>
        GoldenFile.AssertMatches("nat-published.nft", NatRulesetBuilder.Build(Lab with
        {
            Network = "home-lab",
            Bridge = "home-lab",
            Forwards = [new PortForward("tcp", 8080, "10.77.0.2", 80), new PortForward("udp", 5353, "10.77.0.9", 53)],
        }));

    [Fact]
    public void Table_names_are_carve_s_own_and_valid_nft_identifiers() =>
        Assert.Equal("carve_home_lab", NatRulesetBuilder.TableName("home-lab"));

    [Theory]
    [InlineData("sctp", 80, "10.77.0.2", 80)]
    [InlineData("tcp", 0, "10.77.0.2", 80)]
    [InlineData("tcp", 80, "10.77.0.2", 70000)]
    [InlineData("tcp", 80, "10.88.0.2", 80)]
    [InlineData("tcp", 80, "10.77.0.2; flush ruleset", 80)]
    public void A_forward_that_does_not_fit_the_network_is_refused(string protocol, int hostPort, string ip, int guestPort) =>
        Assert.Throws<ArgumentException>(() => NatRulesetBuilder.Build(Lab with { Forwards = [new PortForward(protocol, hostPort, ip, guestPort)] }));

    [Fact]
    public void A_bridge_name_that_could_break_the_ruleset_is_refused() =>
        Assert.Throws<ArgumentException>(() => NatRulesetBuilder.Build(Lab with { Bridge = "lab\" accept" }));
}
