using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>A user limited to some guests sees only those, and can change nothing else.</summary>
public sealed class GuestGrantTests : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private CarveServer? _server;
    private (string Cookie, string Csrf) _limited;

    private CarveServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _server = await CarveServer.StartOnNewDirsAsync();
        foreach (var name in new[] { "web", "db" })
            await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name, nics = Array.Empty<object>() }));
        using (var add = await Server.Socket.PostAsync("/api/v1/users", Rest.Json(new { name = "limited", role = "operator", password = Password })))
            await Rest.ExpectStatus(add, HttpStatusCode.Created);
        using (var grant = await Server.Socket.PutAsync("/api/v1/users/limited/grant", Rest.Json(new { role = "operator", guests = new[] { "web" } })))
        {
            await Rest.ExpectStatus(grant, HttpStatusCode.OK);
            Assert.Equal("web", (string?)(await Rest.ReadJson(grant))["guests"]![0]);
        }
        _limited = await Sessions.LoginAsync(Server, "limited", Password);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private Task<HttpResponseMessage> AsLimited(HttpMethod method, string path, HttpContent? body = null) =>
        Sessions.SendAsync(Server, method, path, _limited, body);

    [Theory]
    [InlineData("/api/v1/vms")]
    [InlineData("/api/v1/guests")]
    public async Task Lists_show_only_the_granted_guests(string path)
    {
        using var response = await AsLimited(HttpMethod.Get, path);
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        Assert.Equal(["web"], (await Rest.ReadJson(response)).AsArray().Select(g => (string?)g!["name"]));
    }

    [Fact]
    public async Task Tasks_of_other_guests_are_neither_listed_nor_shown()
    {
        using (var list = await AsLimited(HttpMethod.Get, "/api/v1/tasks"))
            Assert.All((await Rest.ReadJson(list)).AsArray(), t => Assert.Equal("web", (string?)t!["guest"]));
        var dbTask = (await Rest.GetArray(Server.Socket, "/api/v1/tasks?guest=db"))[0]!["id"]!.ToString();
        using var show = await AsLimited(HttpMethod.Get, "/api/v1/tasks/" + dbTask);
        await Rest.ExpectProblem(show, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/api/v1/vms/db")]
    [InlineData("POST", "/api/v1/vms/db/start")]
    [InlineData("DELETE", "/api/v1/vms/db?force=true")]
    [InlineData("POST", "/api/v1/vms/101/start")]
    [InlineData("POST", "/api/v1/vms/nosuch/start")]
    public async Task Another_guest_by_name_or_id_is_a_403(string method, string path)
    {
        using var response = await AsLimited(new HttpMethod(method), path);
        Assert.Contains("may not use the guest", await Rest.ExpectProblem(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task The_granted_guest_is_usable()
    {
        using var show = await AsLimited(HttpMethod.Get, "/api/v1/vms/web");
        await Rest.ExpectStatus(show, HttpStatusCode.OK);
        using var snapshot = await AsLimited(HttpMethod.Post, "/api/v1/guests/web/snapshots", Rest.Json(new { name = "mine" }));
        await Rest.ExpectStatus(snapshot, HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("/api/v1/vms", """{"name":"web2","nics":[]}""")]
    [InlineData("/api/v1/networks", """{"name":"lab","type":"nat","subnet":"10.98.0.0/24"}""")]
    [InlineData("/api/v1/console-tickets", """{"guest":"db","channel":"serial"}""")]
    public async Task Changes_outside_the_grant_are_a_403(string path, string body)
    {
        using var response = await AsLimited(HttpMethod.Post, path, Rest.RawJson(body));
        await Rest.ExpectProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_cannot_be_limited()
    {
        using var response = await Server.Socket.PutAsync("/api/v1/users/limited/grant", Rest.Json(new { role = "admin", guests = new[] { "web" } }));
        Assert.Contains("cannot be limited", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("db")]
    [InlineData("101")]
    [InlineData("nosuch")]
    public async Task Tasks_asked_for_another_guest_are_a_403_whether_it_exists_or_not(string guest)
    {
        using var response = await AsLimited(HttpMethod.Get, "/api/v1/tasks?guest=" + guest);
        Assert.Contains("may not use the guest", await Rest.ExpectProblem(response, HttpStatusCode.Forbidden));
        using var own = await AsLimited(HttpMethod.Get, "/api/v1/tasks?guest=web");
        await Rest.ExpectStatus(own, HttpStatusCode.OK);
        // Everyone else is still told that a guest does not exist.
        using var unknown = await Server.Socket.GetAsync("/api/v1/tasks?guest=nosuch");
        await Rest.ExpectProblem(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_limited_to_a_guest_sees_and_uses_only_it_and_so_does_a_session_opened_with_it()
    {
        string secret;
        using (var created = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "web-ci", role = "operator", guests = new[] { "web" } })))
        {
            await Rest.ExpectStatus(created, HttpStatusCode.Created);
            secret = (string)(await Rest.ReadJson(created))["secret"]!;
        }
        Assert.Equal("web", (string?)(await Rest.GetArray(Server.Socket, "/api/v1/tokens")).Single(t => (string?)t!["name"] == "web-ci")!["guests"]![0]);
        var bearer = Server.Https(secret);
        Assert.Equal(["web"], (await Rest.GetArray(bearer, "/api/v1/guests")).Select(g => (string?)g!["name"]));
        using (var other = await bearer.PostAsync("/api/v1/vms/db/start", null))
            Assert.Contains("may not use the guest", await Rest.ExpectProblem(other, HttpStatusCode.Forbidden));
        using (var create = await bearer.PostAsync("/api/v1/vms", Rest.Json(new { name = "sneaky", nics = Array.Empty<object>() })))
            await Rest.ExpectProblem(create, HttpStatusCode.Forbidden);

        using var login = await Server.Https().PostAsync("/api/v1/auth/token-login", Rest.Json(new { token = secret }));
        await Rest.ExpectStatus(login, HttpStatusCode.OK);
        var session = (login.Headers.GetValues("Set-Cookie").Single().Split(';')[0], (string)(await Rest.ReadJson(login))["csrfToken"]!);
        using (var list = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/guests", session))
            Assert.Equal(["web"], (await Rest.ReadJson(list)).AsArray().Select(g => (string?)g!["name"]));
        using (var other = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/vms/db", session))
            await Rest.ExpectProblem(other, HttpStatusCode.Forbidden);

        using (var delete = await Server.Socket.DeleteAsync("/api/v1/tokens/web-ci"))
            await Rest.ExpectStatus(delete, HttpStatusCode.NoContent);
        using var after = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/guests", session);
        await Rest.ExpectProblem(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_token_cannot_be_limited()
    {
        using var response = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "boss", role = "admin", guests = new[] { "web" } }));
        Assert.Contains("cannot be limited", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }
}
