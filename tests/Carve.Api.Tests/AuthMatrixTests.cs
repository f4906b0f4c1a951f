using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>
/// The corners of who may do what that the other auth tests leave: public routes, routes that do not exist, the
/// caller's own session, consoles for viewers, and which refusal wins when a request breaks several rules.
/// </summary>
public sealed class AuthMatrixTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly (string, string)[] WebSocketUpgrade =
        [("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")];

    private CarveServer Server => fixture.Server;

    private async Task<string> NewToken(string name, string role)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name, role }));
        await Rest.ExpectStatus(response, HttpStatusCode.Created);
        return (string)(await Rest.ReadJson(response))["secret"]!;
    }

    /// <summary>A browser session with the token's role: the "name=value" cookie and its CSRF token.</summary>
    private async Task<(string Cookie, string Csrf)> SessionOf(string secret)
    {
        using var login = await Server.Https().PostAsync("/api/v1/auth/token-login", Rest.Json(new { token = secret }));
        await Rest.ExpectStatus(login, HttpStatusCode.OK);
        return (login.Headers.GetValues("Set-Cookie").Single().Split(';')[0], (string)(await Rest.ReadJson(login))["csrfToken"]!);
    }

    [Fact]
    public async Task The_openapi_document_is_public()
    {
        using var response = await Server.Https().GetAsync("/api/v1/openapi.json");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nope")]
    [InlineData("PUT", "/api/v1/vms")]
    [InlineData("GET", "/api/v2/vms")]
    public async Task A_stranger_learns_nothing_about_routes_that_do_not_exist(string method, string path)
    {
        using var request = Rest.Request(new HttpMethod(method), path);
        using var response = await Server.Https().SendAsync(request);
        Assert.Contains("Authentication required", await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_caller_with_a_token_gets_404_for_a_route_that_does_not_exist()
    {
        using var response = await Server.Https(await NewToken("lost", "viewer")).GetAsync("/api/v1/nope");
        Assert.Contains("/api/v1/nope", await Rest.ExpectProblem(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_bad_bearer_token_is_refused_even_with_a_good_cookie()
    {
        var (cookie, _) = await SessionOf(await NewToken("both", "admin"));
        using var request = Rest.Request(HttpMethod.Get, "/api/v1/vms", null, ("Cookie", cookie), ("Authorization", "Bearer carve_madeup"));
        using var response = await Server.Https().SendAsync(request);
        Assert.Contains("bearer token is not valid", await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task An_expired_or_unknown_session_says_to_log_in_again()
    {
        using var request = Rest.Request(HttpMethod.Get, "/api/v1/vms", null, ("Cookie", "carve_session=long-gone"));
        using var response = await Server.Https().SendAsync(request);
        Assert.Contains("log in again", await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_viewer_may_end_its_own_session()
    {
        var (cookie, csrf) = await SessionOf(await NewToken("leaving", "viewer"));
        using var logout = Rest.Request(HttpMethod.Post, "/api/v1/auth/logout", null, ("Cookie", cookie), ("X-CSRF-Token", csrf));
        await Rest.ExpectStatus(await Server.Https().SendAsync(logout), HttpStatusCode.NoContent);
        using var after = Rest.Request(HttpMethod.Get, "/api/v1/auth/whoami", null, ("Cookie", cookie));
        await Rest.ExpectProblem(await Server.Https().SendAsync(after), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_out_with_the_cookie_but_without_csrf_is_refused()
    {
        var (cookie, _) = await SessionOf(await NewToken("forced-out", "operator"));
        using var logout = Rest.Request(HttpMethod.Post, "/api/v1/auth/logout", null, ("Cookie", cookie));
        Assert.Contains("X-CSRF-Token", await Rest.ExpectProblem(await Server.Https().SendAsync(logout), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_viewer_cookie_change_without_csrf_hears_about_csrf_first()
    {
        var (cookie, _) = await SessionOf(await NewToken("two-wrongs", "viewer"));
        using var change = Rest.Request(HttpMethod.Post, "/api/v1/vms", Rest.Json(new { name = "nope", nics = Array.Empty<object>() }), ("Cookie", cookie));
        Assert.Contains("X-CSRF-Token", await Rest.ExpectProblem(await Server.Https().SendAsync(change), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_viewer_cannot_open_a_console()
    {
        using var request = Rest.Request(HttpMethod.Get, "/api/v1/vms/ghost/console", null, WebSocketUpgrade);
        using var response = await Server.Https(await NewToken("peeker", "viewer")).SendAsync(request);
        Assert.Contains("cannot use consoles", await Rest.ExpectProblem(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task An_operator_reaches_the_console_route()
    {
        using var request = Rest.Request(HttpMethod.Get, "/api/v1/vms/ghost/console", null, WebSocketUpgrade);
        using var response = await Server.Https(await NewToken("typist", "operator")).SendAsync(request);
        Assert.Contains("ghost", await Rest.ExpectProblem(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_viewer_token_may_not_even_list_tokens_but_an_admin_token_may()
    {
        using (var viewer = await Server.Https(await NewToken("nosy", "viewer")).GetAsync("/api/v1/tokens"))
            Assert.Contains("Only admins", await Rest.ExpectProblem(viewer, HttpStatusCode.Forbidden));
        using var admin = await Server.Https(await NewToken("boss", "admin")).GetAsync("/api/v1/tokens");
        await Rest.ExpectStatus(admin, HttpStatusCode.OK);
    }
}
