using Carve.Network.Dnsmasq;

namespace Carve.Network.Tests.Dnsmasq;

public sealed class LeaseFileTests
{
    [Fact]
    public void Reads_leases_with_and_without_hostnames_and_expiry()
    {
        var leases = LeaseFile.Parse(
            "1763750000 02:00:00:aa:bb:01 10.77.0.2 web 01:02:00:00:aa:bb:01\n" +
            "0 02:00:00:AA:BB:02 10.77.0.3 * *\n");
        Assert.Equal(2, leases.Count);
        Assert.Equal(("02:00:00:aa:bb:01", "10.77.0.2", "web"), (leases[0].Mac, leases[0].Ip, leases[0].Hostname));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763750000), leases[0].ExpiresAt);
        Assert.Equal(("02:00:00:aa:bb:02", null, null), (leases[1].Mac, leases[1].Hostname, leases[1].ExpiresAt));
    }

    [Fact]
    public void Skips_ipv6_duid_lines_and_a_torn_last_line()
    {
        var leases = LeaseFile.Parse(
            "duid 00:01:00:01:2c:4f\n" +
            "1763750000 1234 fd00::5 host 00:01\n" +
            "1763750000 02:00:00:aa:bb:01 10.77.0.2 web *\n" +
            "17637");
        Assert.Equal("10.77.0.2", Assert.Single(leases).Ip);
    }

    [Fact]
    public void A_missing_file_means_no_leases() =>
        Assert.Empty(LeaseFile.Read($"/tmp/carve-no-such-{Guid.NewGuid():N}/dnsmasq.leases"));
}
