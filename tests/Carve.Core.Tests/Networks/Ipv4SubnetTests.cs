using Carve.Core.Errors;
using Carve.Core.Networks;

namespace Carve.Core.Tests.Networks;

public sealed class Ipv4SubnetTests
{
    [Fact]
    public void The_host_takes_the_first_address_and_guests_the_rest_but_the_broadcast()
    {
        var subnet = Ipv4Subnet.Parse("10.77.0.0/24");
        Assert.Equal("10.77.0.1", subnet.Gateway);
        Assert.Equal("10.77.0.1/24", subnet.GatewayCidr);
        Assert.Equal("10.77.0.2", Ipv4Subnet.Format(subnet.FirstGuest));
        Assert.Equal("10.77.0.254", Ipv4Subnet.Format(subnet.LastGuest));
        Assert.Equal("255.255.255.0", Ipv4Subnet.Format(subnet.Mask));
    }

    [Theory]
    [InlineData("10.77.0.0")]
    [InlineData("10.77.0.0/")]
    [InlineData("10.77.0/24")]
    [InlineData("fd00::/64")]
    [InlineData("10.77.0.0/+24")]
    [InlineData("10.77.0.0/24\n")]
    [InlineData("10.77.0.5/24")]
    [InlineData("10.0.0.0/7")]
    [InlineData("10.77.0.0/30")]
    [InlineData("")]
    public void Bad_subnets_are_refused(string text) =>
        Assert.Throws<BadRequestException>(() => Ipv4Subnet.Parse(text));

    [Theory]
    [InlineData("10.77.0.0/24", "10.77.0.0/25", true)]
    [InlineData("10.0.0.0/8", "10.77.0.0/24", true)]
    [InlineData("10.77.0.0/24", "10.78.0.0/24", false)]
    [InlineData("192.168.0.0/23", "192.168.1.0/24", true)]
    public void Overlap_is_symmetric(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Ipv4Subnet.Parse(a).Overlaps(Ipv4Subnet.Parse(b)));
        Assert.Equal(overlaps, Ipv4Subnet.Parse(b).Overlaps(Ipv4Subnet.Parse(a)));
    }
}
