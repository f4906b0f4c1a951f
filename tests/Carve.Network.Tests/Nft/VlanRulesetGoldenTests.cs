using Carve.Core.Networks;
using Carve.Network.Nft;
using Carve.Network.Tests.Support;

namespace Carve.Network.Tests.Nft;

public sealed class VlanRulesetGoldenTests
{
    [Fact]
    public void Each_vlan_is_a_group_of_ports_that_only_talk_among_themselves() =>
        GoldenFile.AssertMatches("vlan-groups.nft", VlanRulesetBuilder.Build("lan", "vmbr0",
        [
            new NetworkPort("veth101i0", 10), new NetworkPort("tap100i0", 10), new NetworkPort("veth102i0", 20),
            new NetworkPort("tap103i0", null),
        ]));

    [Fact]
    public void Without_tagged_ports_nothing_is_dropped()
    {
        var text = VlanRulesetBuilder.Build("lan", "vmbr0", [new NetworkPort("tap100i0", null)]);
        Assert.DoesNotContain("drop", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_name_that_could_break_the_ruleset_is_refused() =>
        Assert.Throws<ArgumentException>(() => VlanRulesetBuilder.Build("lan", "vmbr0", [new NetworkPort("x\" }", 5)]));
}
