using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>POST /auth/token-login: a browser session that carries an API token's role, so a viewer sees a read-only UI.</summary>
public sealed class TokenLoginTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;

    [Fact]
    public async Task A_viewer_token_opens_a_viewer_session_that_reads_but_cannot_change()
    {
        using var created = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "eyes", role = "viewer" }));
        await Rest.ExpectStatus(created, HttpStatusCode.Created);
        var secret = (string)(await Rest.ReadJson(created))["secret"]!;

        using var login = await Server.Https().PostAsync("/api/v1/auth/token-login", Rest.Json(new { token = secret }));
        await Rest.ExpectStatus(login, HttpStatusCode.OK);
        var session = await Rest.ReadJson(login);
        Assert.Equal(("token:eyes", "viewer"), ((string?)session["user"], (string?)session["role"]));
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var read = Rest.Request(HttpMethod.Get, "/api/v1/guests", null, ("Cookie", cookie.Split(';')[0]));
        await Rest.ExpectStatus(await Server.Https().SendAsync(read), HttpStatusCode.OK);
        using var change = Rest.Request(HttpMethod.Post, "/api/v1/vms", Rest.Json(new { name = "nope", nics = Array.Empty<object>() }),
            ("Cookie", cookie.Split(';')[0]), ("X-CSRF-Token", (string)session["csrfToken"]!));
        Assert.Contains("viewer", await Rest.ExpectProblem(await Server.Https().SendAsync(change), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task An_unknown_token_is_a_401_and_sets_no_cookie()
    {
        using var login = await Server.Https().PostAsync("/api/v1/auth/token-login", Rest.Json(new { token = "carve_made-up" }));
        await Rest.ExpectProblem(login, HttpStatusCode.Unauthorized);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }
}
