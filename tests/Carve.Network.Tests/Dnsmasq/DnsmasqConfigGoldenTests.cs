using Carve.Core.Networks;
using Carve.Network.Dnsmasq;
using Carve.Network.Tests.Support;

namespace Carve.Network.Tests.Dnsmasq;

public sealed class DnsmasqConfigGoldenTests
{
    private static DnsmasqSpec Lab => new()
    {
        Network = "lab",
        Bridge = "lab",
        Subnet = Ipv4Subnet.Parse("10.77.0.0/24"),
        LeaseFile = "/var/lib/carve/networks/lab/dnsmasq.leases",
        PidFile = "/var/lib/carve/networks/lab/dnsmasq.pid",
    };

    [Fact]
    public void Binds_to_the_bridge_alone_and_serves_the_subnet() =>
        GoldenFile.AssertMatches("dnsmasq-plain.conf", DnsmasqConfigBuilder.Build(Lab));

    [Fact]
    public void Reservations_are_listed_by_address_with_the_guest_names() =>
        GoldenFile.AssertMatches("dnsmasq-reservations.conf", DnsmasqConfigBuilder.Build(Lab with
        {
            Subnet = Ipv4Subnet.Parse("192.168.50.0/23"),
            Reservations = [new DhcpReservation("02:00:00:00:00:0b", "192.168.51.7", "web"), new DhcpReservation("02:00:00:00:00:0a", "192.168.50.2", "pihole")],
        }));

    [Theory]
    [InlineData("02:00:00:00:00:0a", "10.88.0.2", "web")]
    [InlineData("02:00:00:00:00:0a\ndhcp-script=/tmp/x", "10.77.0.2", "web")]
    [InlineData("02:00:00:00:00:0a", "10.77.0.2", "web\nconf-file=/etc/passwd")]
    [InlineData("02:00:00:00:00:0a", "10.77.0.2", "Web,x")]
    public void A_reservation_that_could_change_the_config_is_refused(string mac, string ip, string host) =>
        Assert.Throws<ArgumentException>(() => DnsmasqConfigBuilder.Build(Lab with { Reservations = [new DhcpReservation(mac, ip, host)] }));

    [Fact]
    public void A_path_with_a_newline_is_refused() =>
        Assert.Throws<ArgumentException>(() => DnsmasqConfigBuilder.Build(Lab with { LeaseFile = "/tmp/x\nport=0" }));
}
