using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Network requests that are refused at the edge: a 4xx problem, and no network made.</summary>
[Collection(BadInputCollection.Name)]
public sealed class BadNetworkTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Theory]
    [InlineData("""{"name":"Lab","type":"nat","subnet":"10.77.0.0/24"}""", "Invalid network name")]
    [InlineData("""{"name":"lab\nx","type":"nat","subnet":"10.77.0.0/24"}""", "Invalid network name")]
    [InlineData("""{"name":"user","type":"nat","subnet":"10.77.0.0/24"}""", "Invalid network name")]
    [InlineData("""{"name":"lab","type":"vxlan"}""", "Unknown network type")]
    [InlineData("""{"name":"lab","type":"nat"}""", "needs --subnet")]
    [InlineData("""{"name":"lab","type":"nat","subnet":"10.77.0.1/24"}""", "host bits set")]
    [InlineData("""{"name":"lab","type":"nat","subnet":"10.77.0.0/24","uplink":"eth0"}""", "--type bridge")]
    [InlineData("""{"name":"lan","type":"bridge","uplink":"eth0; reboot"}""", "Invalid uplink interface")]
    [InlineData("""{"name":"lan","type":"bridge","uplink":"carve-none-x1"}""", "no interface carve-none-x1")]
    [InlineData("""{"name":"lan","type":"bridge","bridge":"lo"}""", "not a bridge")]
    public async Task A_bad_network_is_refused(string json, string expected)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/networks", Rest.RawJson(json));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"got {response.StatusCode}");
        Assert.Contains(expected, await Rest.ExpectProblem(response, response.StatusCode), StringComparison.Ordinal);
        Assert.Empty(await Rest.GetArray(Server.Socket, "/api/v1/networks"));
    }

    [Fact]
    public async Task Deleting_an_unknown_network_is_a_404()
    {
        using var response = await Server.Socket.DeleteAsync("/api/v1/networks/nope");
        Assert.Contains("No network is named 'nope'", await Rest.ExpectProblem(response, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_nic_on_user_mode_nat_is_a_400()
    {
        using var response = await Server.Socket.PostAsync("/api/v1/cts",
            Rest.RawJson("""{"name":"box","template":"busybox","nics":[{"network":"user"}]}"""));
        Assert.Contains("containers have no user-mode NAT", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await ExpectNothingLeft();
    }

    [Fact]
    public async Task A_vlan_or_published_port_on_user_mode_nat_is_a_400() =>
        Assert.Contains("need a Carve network",
            await PostRefused("""{"name":"web","nics":[{"network":"user","publish":[{"hostPort":8080,"guestPort":80}]}]}"""), StringComparison.Ordinal);
}
