using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Snapshot, clone and template requests with bad input: a problem+json 4xx, and nothing left behind.</summary>
[Collection(BadInputCollection.Name)]
public sealed class SnapshotBadInputTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Theory]
    [InlineData("""{"name":"a,b"}""", "Invalid snapshot name")]
    [InlineData("""{"name":"42"}""", "only digits")]
    [InlineData("""{"name":"ok","description":"two\nlines"}""", "control characters")]
    [InlineData("""{}""", "Invalid snapshot name")]
    public async Task A_bad_snapshot_request_is_a_400(string body, string expected)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/guests/web/snapshots", Rest.RawJson(body));
        Assert.Contains(expected, await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
        await ExpectNothingLeft();
    }

    [Theory]
    [InlineData("GET", "/api/v1/guests/nope/snapshots")]
    [InlineData("POST", "/api/v1/guests/nope/snapshots/s1/rollback")]
    [InlineData("DELETE", "/api/v1/guests/nope/snapshots/s1")]
    [InlineData("POST", "/api/v1/vms/nope/template")]
    [InlineData("POST", "/api/v1/cts/nope/template")]
    public async Task An_unknown_guest_is_a_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Server.Socket.SendAsync(request);
        Assert.Contains("nope", await Rest.ExpectProblem(response, HttpStatusCode.NotFound));
        await ExpectNothingLeft();
    }

    [Fact]
    public async Task A_snapshot_of_an_unknown_guest_is_a_404()
    {
        using var response = await Server.Socket.PostAsync("/api/v1/guests/nope/snapshots", Rest.RawJson("""{"name":"ok"}"""));
        await Rest.ExpectProblem(response, HttpStatusCode.NotFound);
        await ExpectNothingLeft();
    }

    [Theory]
    [InlineData("""{"name":"Bad,Name"}""", HttpStatusCode.BadRequest, "Invalid guest name")]
    [InlineData("""{"name":"copy"}""", HttpStatusCode.NotFound, "nope")]
    public async Task A_bad_clone_request_is_refused(string body, HttpStatusCode status, string expected)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/guests/nope/clone", Rest.RawJson(body));
        Assert.Contains(expected, await Rest.ExpectProblem(response, status));
        await ExpectNothingLeft();
    }
}
