using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Password login for the web UI: an HttpOnly, Secure cookie, and a CSRF header on changes.</summary>
public sealed class CookieLoginTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;

    private string AdminPassword => File.ReadAllText(Server.Dirs.AdminPasswordFile).Trim();

    /// <summary>Logs in over HTTPS; returns the raw Set-Cookie header, the "name=value" to send back, and the CSRF token.</summary>
    private async Task<(string SetCookie, string Cookie, string Csrf)> Login()
    {
        using var response = await Server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username = "admin", password = AdminPassword }));
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var body = await Rest.ReadJson(response);
        Assert.Equal(("admin", "admin"), ((string?)body["user"], (string?)body["role"]));
        var csrf = (string?)body["csrfToken"];
        Assert.False(string.IsNullOrEmpty(csrf));
        return (setCookie, setCookie.Split(';')[0], csrf!);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string cookie, string? csrf, HttpContent? content = null)
    {
        var headers = new List<(string, string)> { ("Cookie", cookie) };
        if (csrf is not null)
            headers.Add(("X-CSRF-Token", csrf));
        using var request = Rest.Request(method, path, content, [.. headers]);
        return await Server.Https().SendAsync(request);
    }

    [Fact]
    public async Task Login_sets_an_HttpOnly_Secure_SameSite_session_cookie_and_returns_a_csrf_token()
    {
        var (setCookie, cookie, _) = await Login();
        Assert.StartsWith("carve_session=", cookie);
        Assert.True(cookie.Length > "carve_session=".Length + 20, "the session id should be long and random");
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    [Fact]
    public async Task A_cookie_session_reads_without_a_csrf_header()
    {
        var (_, cookie, csrf) = await Login();
        using var response = await Send(HttpMethod.Get, "/api/v1/auth/whoami", cookie, csrf: null);
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        Assert.Equal(csrf, (string?)(await Rest.ReadJson(response))["csrfToken"]);
    }

    [Fact]
    public async Task A_change_with_the_cookie_but_without_the_csrf_header_is_a_403()
    {
        var (_, cookie, _) = await Login();
        using var response = await Send(HttpMethod.Post, "/api/v1/vms", cookie, csrf: null, Rest.Json(new { name = "no-csrf", nics = Array.Empty<object>() }));
        Assert.Contains("X-CSRF-Token", await Rest.ExpectProblem(response, HttpStatusCode.Forbidden));
        Assert.DoesNotContain("no-csrf", await Rest.VmNames(Server.Socket));
    }

    [Fact]
    public async Task A_change_with_a_wrong_csrf_header_is_a_403()
    {
        var (_, cookie, _) = await Login();
        var (_, _, otherCsrf) = await Login();
        using var response = await Send(HttpMethod.Post, "/api/v1/vms", cookie, otherCsrf, Rest.Json(new { name = "wrong-csrf", nics = Array.Empty<object>() }));
        await Rest.ExpectProblem(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("wrong-csrf", await Rest.VmNames(Server.Socket));
    }

    [Fact]
    public async Task A_change_with_the_cookie_and_its_csrf_header_is_accepted()
    {
        var (_, cookie, csrf) = await Login();
        using var response = await Send(HttpMethod.Post, "/api/v1/vms", cookie, csrf, Rest.Json(new { name = "with-csrf", nics = Array.Empty<object>() }));
        await Rest.ExpectStatus(response, HttpStatusCode.Accepted);
        var task = await Rest.ExpectSucceeded(Server.Socket, (string)(await Rest.ReadJson(response))["taskId"]!);
        Assert.Equal("admin", (string?)task["user"]);
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody", "whatever")]
    public async Task Wrong_credentials_are_a_401_and_set_no_cookie(string username, string password)
    {
        using var response = await Server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username, password }));
        await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("""{"username":null,"password":"x"}""")]
    [InlineData("""{"username":"admin","password":null}""")]
    [InlineData("""{"username":"admin"}""")]
    public async Task A_login_with_a_missing_or_null_field_is_a_400(string body)
    {
        using var response = await Server.Https().PostAsync("/api/v1/auth/login", Rest.RawJson(body));
        await Rest.ExpectProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task After_logout_the_cookie_is_a_401()
    {
        var (_, cookie, csrf) = await Login();
        using (var logout = await Send(HttpMethod.Post, "/api/v1/auth/logout", cookie, csrf))
            await Rest.ExpectStatus(logout, HttpStatusCode.NoContent);
        using var after = await Send(HttpMethod.Get, "/api/v1/vms", cookie, csrf);
        await Rest.ExpectProblem(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_made_up_cookie_is_a_401()
    {
        using var response = await Send(HttpMethod.Get, "/api/v1/vms", "carve_session=madeup", csrf: null);
        await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized);
    }
}
