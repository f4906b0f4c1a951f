using System.Net;
using System.Text.Json.Nodes;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>A guest's boot policy through PATCH and GET, and the host's start-guests and stop-guests, without booting anything.</summary>
public sealed class BootPolicyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Socket => fixture.Server.Socket;

    private async Task<JsonNode> Boot(string vm)
    {
        using var response = await Socket.GetAsync($"/api/v1/vms/{vm}");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        return (await Rest.ReadJson(response))["config"]!["boot"]!;
    }

    private async Task Patch(string vm, object boot)
    {
        using var response = await Socket.PatchAsync($"/api/v1/vms/{vm}", Rest.Json(new { boot }));
        await Rest.ExpectStatus(response, HttpStatusCode.Accepted);
        await Rest.ExpectSucceeded(Socket, (string)(await Rest.ReadJson(response))["taskId"]!);
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_it_names_and_show_returns_them()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "router", disks = new[] { new { size = "64M" } } }));
        Assert.Equal("{}", (await Boot("router")).ToJsonString());

        await Patch("router", new { onBoot = true, order = 1, upSeconds = 30, restart = "on-crash" });
        await Patch("router", new { order = 3, downSeconds = 120 });

        Assert.Equal("""{"onBoot":true,"order":3,"upSeconds":30,"downSeconds":120,"restart":"on-crash"}""", (await Boot("router")).ToJsonString());
    }

    [Theory]
    [InlineData("bad-order", """{"boot":{"order":-2}}""", "start order must be between 0")]
    [InlineData("bad-restart", """{"boot":{"restart":"sometimes"}}""", "restart policy must be 'no' or 'on-crash', not 'sometimes'")]
    [InlineData("bad-up", """{"boot":{"upSeconds":100000}}""", "up delay must be between 0 and 86400 seconds")]
    [InlineData("bad-empty", """{"boot":{}}""", "names nothing to change")]
    [InlineData("bad-type", """{"boot":{"onBoot":"yes"}}""", "onBoot")]
    public async Task Bad_boot_policies_are_400s(string name, string body, string expected)
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name, disks = new[] { new { size = "64M" } } }));

        using var response = await Socket.PatchAsync($"/api/v1/vms/{name}", Rest.RawJson(body));

        Assert.Contains(expected, await Rest.ExpectProblem(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }
}
