using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Contracts.Vms;

namespace Carve.Cli.Tests.Specs;

public sealed class PublishSpecParserTests
{
    [Theory]
    [InlineData("8080:80", 8080, 80, "tcp")]
    [InlineData("5353:53/udp", 5353, 53, "udp")]
    [InlineData("443:8443/tcp", 443, 8443, "tcp")]
    public void Ports_and_protocol(string spec, int host, int guest, string protocol)
    {
        var publish = PublishSpecParser.Parse(spec);
        Assert.Equal((host, guest, protocol), (publish.HostPort, publish.GuestPort, publish.Protocol));
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("8080:80/sctp")]
    [InlineData("0:80")]
    [InlineData("70000:80")]
    [InlineData("a:b")]
    [InlineData("8080:80/tcp\n")]
    [InlineData(":80")]
    public void Malformed_specs_are_usage_errors(string spec) =>
        Assert.Throws<UsageException>(() => PublishSpecParser.Parse(spec));

    [Fact]
    public void Ports_go_to_the_first_nic_on_a_carve_network()
    {
        var nics = PublishSpecParser.Apply([new NicRequest(), new NicRequest { Network = "lab" }, new NicRequest { Network = "lab2" }], ["8080:80", "53:53/udp"])!;
        Assert.Null(nics[0].Publish);
        Assert.Equal([8080, 53], nics[1].Publish!.Select(p => p.HostPort));
        Assert.Null(nics[2].Publish);
    }

    [Fact]
    public void Publishing_without_such_a_nic_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => PublishSpecParser.Apply(null, ["8080:80"]));
        Assert.Throws<UsageException>(() => PublishSpecParser.Apply([new NicRequest()], ["8080:80"]));
        Assert.Null(PublishSpecParser.Apply(null, null));
    }
}
