using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>
/// POST /host/start-guests and /host/stop-guests on a daemon of its own with no guests (a guest of another class
/// would really start, or take its whole shutdown timeout to stop).
/// </summary>
public sealed class HostPowerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Socket => fixture.Server.Socket;

    [Fact]
    public async Task Start_and_stop_guests_are_tasks_that_say_what_they_did()
    {
        using var start = await Socket.PostAsync("/api/v1/host/start-guests", null);
        await Rest.ExpectStatus(start, HttpStatusCode.Accepted);
        var started = await Rest.ExpectSucceeded(Socket, (string)(await Rest.ReadJson(start))["taskId"]!);
        Assert.Equal("host-start-guests", (string?)started["type"]);
        Assert.Contains("No guest starts at boot.", started["log"]!.AsArray().Select(l => (string?)l!["text"]));

        using var stop = await Socket.PostAsync("/api/v1/host/stop-guests", null);
        await Rest.ExpectStatus(stop, HttpStatusCode.Accepted);
        var stopped = await Rest.ExpectSucceeded(Socket, (string)(await Rest.ReadJson(stop))["taskId"]!);
        Assert.Equal("host-stop-guests", (string?)stopped["type"]);
        Assert.Contains("No guest is running.", stopped["log"]!.AsArray().Select(l => (string?)l!["text"]));
    }

    [Fact]
    public async Task Only_an_admin_may_start_or_stop_every_guest()
    {
        using var token = await Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "ops", role = "operator" }));
        await Rest.ExpectStatus(token, HttpStatusCode.Created);
        var operatorClient = fixture.Server.Https((string)(await Rest.ReadJson(token))["secret"]!);

        foreach (var path in new[] { "/api/v1/host/start-guests", "/api/v1/host/stop-guests" })
        {
            using var response = await operatorClient.PostAsync(path, null);
            await Rest.ExpectProblem(response, HttpStatusCode.Forbidden);
        }
    }
}
