using Carve.Contracts.Networks;
using Carve.Core.Errors;
using Carve.Core.Networks;

namespace Carve.Core.Tests.Networks;

public sealed class NetworkRequestValidatorTests
{
    private static readonly NetworkRecord Lab = new()
    {
        Name = "lab", Type = "nat", Bridge = "lab", Subnet = "10.77.0.0/24", CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void A_nat_network_gets_a_bridge_of_its_name_and_a_normalized_subnet()
    {
        var record = NetworkRequestValidator.Validate(new CreateNetworkRequest { Name = "home-lab", Type = "nat", Subnet = "10.80.0.0/16" }, []);
        Assert.Equal(("home-lab", "nat", "home-lab", "10.80.0.0/16"), (record.Name, record.Type, record.Bridge, record.Subnet));
    }

    [Fact]
    public void A_bridge_network_adopts_a_named_bridge_with_its_uplink()
    {
        var record = NetworkRequestValidator.Validate(new CreateNetworkRequest { Name = "lan", Type = "bridge", Uplink = "eth0", Bridge = "vmbr0" }, []);
        Assert.Equal(("vmbr0", "eth0", (string?)null), (record.Bridge, record.Uplink, record.Subnet));
    }

    [Theory]
    [InlineData("Lab")]
    [InlineData("1lab")]
    [InlineData("a-name-longer-than-15")]
    [InlineData("user")]
    [InlineData("lab\n")]
    [InlineData("")]
    public void Bad_names_are_refused(string name) =>
        Assert.Throws<BadRequestException>(() => NetworkRequestValidator.Validate(new CreateNetworkRequest { Name = name, Type = "nat", Subnet = "10.1.0.0/24" }, []));

    [Theory]
    [InlineData("nat", null, null, null)]
    [InlineData("nat", "10.1.0.0/24", "eth0", null)]
    [InlineData("bridge", "10.1.0.0/24", "eth0", null)]
    [InlineData("bridge", null, "eth0/../x", null)]
    [InlineData("bridge", null, "eth0", "br 0")]
    [InlineData("bridge", null, "vmbr0", "vmbr0")]
    [InlineData("vxlan", null, null, null)]
    public void Options_that_do_not_fit_the_type_are_refused(string type, string? subnet, string? uplink, string? bridge) =>
        Assert.Throws<BadRequestException>(() => NetworkRequestValidator.Validate(
            new CreateNetworkRequest { Name = "net", Type = type, Subnet = subnet, Uplink = uplink, Bridge = bridge }, []));

    [Fact]
    public void An_overlapping_subnet_is_a_conflict_naming_the_other_network()
    {
        var e = Assert.Throws<ConflictException>(() => NetworkRequestValidator.Validate(
            new CreateNetworkRequest { Name = "lab2", Type = "nat", Subnet = "10.77.0.128/25" }, [Lab]));
        Assert.Contains("lab", e.Message, StringComparison.Ordinal);
    }
}
