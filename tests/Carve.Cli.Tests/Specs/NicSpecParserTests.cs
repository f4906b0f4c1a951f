using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class NicSpecParserTests
{
    [Fact]
    public void Network_alone_takes_carved_defaults()
    {
        var nic = NicSpecParser.Parse("network=user");
        Assert.Equal(("user", "virtio", null), (nic.Network, nic.Model, nic.Mac));
    }

    [Fact]
    public void All_keys_in_any_order()
    {
        var nic = NicSpecParser.Parse("mac=02:00:00:AA:bb:cc,model=e1000,network=lan");
        Assert.Equal(("lan", "e1000", "02:00:00:aa:bb:cc"), (nic.Network, nic.Model, nic.Mac));
    }

    [Theory]
    [InlineData("model=virtio", "network=NET is required")]
    [InlineData("network=user,model=rtl8139", "model 'rtl8139' is not one of virtio, e1000")]
    [InlineData("network=user,mac=02:00:00:aa:bb", "is not six hex pairs")]
    [InlineData("network=user,mac=02-00-00-aa-bb-cc", "is not six hex pairs")]
    [InlineData("network=lan,bridge=vmbr0", "unknown key 'bridge'")]
    [InlineData("network=lan,vlan=0", "not a VLAN id from 1 to 4094")]
    [InlineData("network=lan,vlan=4095", "not a VLAN id from 1 to 4094")]
    [InlineData("network=lan,vlan=-3", "not a VLAN id from 1 to 4094")]
    [InlineData("network=lan,vlan=ten", "not a VLAN id from 1 to 4094")]
    [InlineData("network", "is not key=value")]
    public void Malformed_specs_are_usage_errors(string spec, string expected)
    {
        var error = Assert.Throws<UsageException>(() => NicSpecParser.Parse(spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vlan_tag_is_kept()
    {
        var nic = NicSpecParser.Parse("network=lan,vlan=20,model=e1000");
        Assert.Equal(("lan", 20, "e1000"), (nic.Network, nic.Vlan, nic.Model));
    }

    [Fact]
    public void No_nic_option_leaves_the_list_null_so_carved_adds_its_default()
    {
        Assert.Null(NicSpecParser.ParseAll(null));
        Assert.Null(NicSpecParser.ParseAll([]));
    }

    [Fact]
    public void None_means_an_empty_list()
    {
        Assert.Empty(NicSpecParser.ParseAll(["none"])!);
        Assert.Throws<UsageException>(() => NicSpecParser.ParseAll(["none", "network=user"]));
    }

    [Fact]
    public void Several_nics_keep_their_order()
    {
        var nics = NicSpecParser.ParseAll(["network=a", "network=b,model=e1000"])!;
        Assert.Equal(["a", "b"], nics.Select(n => n.Network));
    }
}
