using System.Net;
using Carve.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Carve.Api.Tests;

/// <summary>A bug (an exception no one meant for the user) is a 500 with a fixed sentence and a trace id, never its own text.</summary>
public sealed class UnexpectedErrorTests : IAsyncLifetime
{
    private const string Secret = "connection string Data Source=/var/lib/carve/carve.db;Password=hunter2";

    private CarveServer? _server;

    private CarveServer Server => _server ?? throw new InvalidOperationException("not started");

    // Test-only routes, mapped next to the API's: one throws a bug, one an error meant for the user.
    public async Task InitializeAsync() => _server = await CarveServer.StartOnNewDirsAsync(endpoints =>
    {
        endpoints.MapGet("/api/v1/test-only/bug", string () => throw new InvalidOperationException(Secret));
        endpoints.MapGet("/api/v1/test-only/refused", string () => throw new Core.Errors.ConflictException("The guest is busy."));
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_500_carries_a_fixed_sentence_and_a_trace_id_but_not_the_exception_text()
    {
        using var response = await Server.Socket.GetAsync("/api/v1/test-only/bug");
        var detail = await Rest.ExpectProblem(response, HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        var traceId = (string?)(await Rest.ReadJson(response))["traceId"];
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains(traceId, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_bugs_get_two_trace_ids()
    {
        using var first = await Server.Socket.GetAsync("/api/v1/test-only/bug");
        using var second = await Server.Socket.GetAsync("/api/v1/test-only/bug");
        Assert.NotEqual((string?)(await Rest.ReadJson(first))["traceId"], (string?)(await Rest.ReadJson(second))["traceId"]);
    }

    [Fact]
    public async Task An_error_meant_for_the_user_keeps_its_status_and_sentence()
    {
        using var response = await Server.Socket.GetAsync("/api/v1/test-only/refused");
        Assert.Equal("The guest is busy.", await Rest.ExpectProblem(response, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_problem_is_json_even_when_the_client_asked_for_text()
    {
        using var request = Rest.Request(HttpMethod.Get, "/api/v1/test-only/refused", null, ("Accept", "text/plain"));
        using var response = await Server.Socket.SendAsync(request);
        Assert.Equal("The guest is busy.", await Rest.ExpectProblem(response, HttpStatusCode.Conflict));
    }
}
