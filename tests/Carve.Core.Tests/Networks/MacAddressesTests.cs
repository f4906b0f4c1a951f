using System.Globalization;
using System.Text.RegularExpressions;
using Carve.Core.Errors;
using Carve.Core.Networks;

namespace Carve.Core.Tests.Networks;

public sealed class MacAddressesTests
{
    private static byte FirstOctet(string mac) => byte.Parse(mac[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [Fact]
    public void Generated_addresses_are_unicast_and_locally_administered()
    {
        for (var i = 0; i < 500; i++)
        {
            var mac = MacAddresses.NewLocal();
            Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", mac);
            Assert.Equal(0, FirstOctet(mac) & 0x01);
            Assert.Equal(0x02, FirstOctet(mac) & 0x02);
        }
    }

    [Fact]
    public void Generated_addresses_are_unique()
    {
        var macs = Enumerable.Range(0, 2000).Select(_ => MacAddresses.NewLocal()).ToList();
        Assert.Equal(macs.Count, macs.Distinct().Count());
    }

    [Fact]
    public void Generated_addresses_pass_validation()
    {
        var mac = MacAddresses.NewLocal();
        Assert.Equal(mac, MacAddresses.Validate(mac));
    }

    [Theory]
    [InlineData("02:00:00:aa:bb:cc", "02:00:00:aa:bb:cc")]
    [InlineData("02:00:00:AA:BB:CC", "02:00:00:aa:bb:cc")]
    [InlineData(" 52:54:00:12:34:56 ", "52:54:00:12:34:56")]
    public void Valid_unicast_addresses_are_normalized_to_lowercase(string mac, string expected) =>
        Assert.Equal(expected, MacAddresses.Validate(mac));

    [Theory]
    [InlineData("01:00:5e:00:00:01")]
    [InlineData("ff:ff:ff:ff:ff:ff")]
    [InlineData("33:33:00:00:00:01")]
    public void Multicast_addresses_are_refused(string mac)
    {
        var e = Assert.Throws<BadRequestException>(() => MacAddresses.Validate(mac));
        Assert.Contains("multicast", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("02:00:00:aa:bb")]
    [InlineData("02:00:00:aa:bb:cc:dd")]
    [InlineData("02-00-00-aa-bb-cc")]
    [InlineData("0200.00aa.bbcc")]
    [InlineData("zz:00:00:aa:bb:cc")]
    [InlineData("02:00:00:aa:bb:c")]
    [InlineData("02:00:00:aa:bb:cc,x")]
    public void Malformed_addresses_are_refused(string mac)
    {
        var e = Assert.Throws<BadRequestException>(() => MacAddresses.Validate(mac));
        Assert.Contains("Invalid MAC address", e.Message);
    }

    [Fact]
    public void The_generator_does_not_always_return_the_same_prefix()
    {
        // Only the two low bits of the first octet are fixed; the rest is random.
        var firsts = Enumerable.Range(0, 200).Select(_ => MacAddresses.NewLocal()[..2]).Distinct().Count();
        Assert.True(firsts > 1, "the first octet should vary between generated addresses");
        Assert.DoesNotMatch(new Regex("^(00:){5}00$"), MacAddresses.NewLocal());
    }
}
