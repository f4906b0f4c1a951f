using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>
/// A browser (session cookie) opens a console WebSocket only with a one-time ticket for that very console and an
/// Origin of this server. The VM here is stopped: passing the gate shows as 409 "not running", refusal as 403.
/// </summary>
public sealed class ConsoleTicketTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private CarveServer Server => fixture.Server;
    private string Origin => Server.HttpsBase.GetLeftPart(UriPartial.Authority);
    private (string Cookie, string Csrf) _session;

    public async Task InitializeAsync()
    {
        if (!(await Rest.VmNames(Server.Socket)).Contains("gated"))
            await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name = "gated", nics = Array.Empty<object>() }));
        var password = File.ReadAllText(Server.Dirs.AdminPasswordFile).Trim();
        using var login = await Server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username = "admin", password }));
        await Rest.ExpectStatus(login, HttpStatusCode.OK);
        _session = (login.Headers.GetValues("Set-Cookie").Single().Split(';')[0], (string)(await Rest.ReadJson(login))["csrfToken"]!);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Ticket(string guest, string channel, string? expectPath = null)
    {
        using var request = Rest.Request(HttpMethod.Post, "/api/v1/console-tickets", Rest.Json(new { guest, channel }),
            ("Cookie", _session.Cookie), ("X-CSRF-Token", _session.Csrf));
        using var response = await Server.Https().SendAsync(request);
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        var body = await Rest.ReadJson(response);
        if (expectPath is not null)
            Assert.Equal(expectPath, (string?)body["path"]);
        return (string)body["ticket"]!;
    }

    /// <summary>A WebSocket upgrade request (HTTP/1.1) as a browser sends it.</summary>
    private async Task<HttpResponseMessage> Upgrade(string path, string? origin, params (string, string)[] auth)
    {
        var headers = new List<(string, string)>
        {
            ("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
        };
        if (origin is not null)
            headers.Add(("Origin", origin));
        using var request = Rest.Request(HttpMethod.Get, path, null, [.. headers, .. auth]);
        return await Server.Https().SendAsync(request);
    }

    [Fact]
    public async Task A_cookie_without_a_ticket_cannot_open_a_console()
    {
        using var response = await Upgrade("/api/v1/vms/gated/console", Origin, ("Cookie", _session.Cookie));
        Assert.Contains("ticket", await Rest.ExpectProblem(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_cookie_without_a_ticket_hears_403_before_whether_the_guest_exists()
    {
        using var response = await Upgrade("/api/v1/cts/ghost/exec", Origin, ("Cookie", _session.Cookie));
        Assert.Contains("ticket", await Rest.ExpectProblem(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_ticket_opens_its_console_once()
    {
        var ticket = await Ticket("gated", "serial", expectPath: $"/api/v1/vms/{await VmId()}/console");
        using (var first = await Upgrade($"/api/v1/vms/gated/console?ticket={ticket}", Origin, ("Cookie", _session.Cookie)))
            Assert.Contains("not running", await Rest.ExpectProblem(first, HttpStatusCode.Conflict));
        using var second = await Upgrade($"/api/v1/vms/gated/console?ticket={ticket}", Origin, ("Cookie", _session.Cookie));
        Assert.Contains("used already", await Rest.ExpectProblem(second, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_ticket_for_the_serial_port_does_not_open_the_screen()
    {
        var ticket = await Ticket("gated", "serial");
        using var response = await Upgrade($"/api/v1/vms/gated/vnc?ticket={ticket}", Origin, ("Cookie", _session.Cookie));
        await Rest.ExpectProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_ticket_with_a_foreign_or_missing_origin_is_refused()
    {
        using (var foreign = await Upgrade($"/api/v1/vms/gated/vnc?ticket={await Ticket("gated", "vnc")}", "https://evil.example", ("Cookie", _session.Cookie)))
            Assert.Contains("origin", await Rest.ExpectProblem(foreign, HttpStatusCode.Forbidden), StringComparison.OrdinalIgnoreCase);
        using var missing = await Upgrade($"/api/v1/vms/gated/vnc?ticket={await Ticket("gated", "vnc")}", null, ("Cookie", _session.Cookie));
        Assert.Contains("Origin", await Rest.ExpectProblem(missing, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task The_screen_passes_the_gate_with_its_ticket()
    {
        using var response = await Upgrade($"/api/v1/vms/gated/vnc?ticket={await Ticket("gated", "vnc")}", Origin, ("Cookie", _session.Cookie));
        Assert.Contains("not running", await Rest.ExpectProblem(response, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_vm_has_no_container_console_channel()
    {
        using var request = Rest.Request(HttpMethod.Post, "/api/v1/console-tickets", Rest.Json(new { guest = "gated", channel = "exec" }),
            ("Cookie", _session.Cookie), ("X-CSRF-Token", _session.Csrf));
        using var response = await Server.Https().SendAsync(request);
        Assert.Contains("serial and vnc", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Asking_for_a_ticket_with_the_cookie_but_without_csrf_is_refused()
    {
        using var request = Rest.Request(HttpMethod.Post, "/api/v1/console-tickets", Rest.Json(new { guest = "gated", channel = "vnc" }),
            ("Cookie", _session.Cookie));
        using var response = await Server.Https().SendAsync(request);
        await Rest.ExpectProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_unix_socket_needs_no_ticket()
    {
        using var request = Rest.Request(HttpMethod.Get, "/api/v1/vms/gated/console", null,
            ("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        using var response = await Server.Socket.SendAsync(request);
        Assert.Contains("not running", await Rest.ExpectProblem(response, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Over_http2_a_websocket_is_an_extended_connect_and_reaches_the_console_route()
    {
        // What browsers do on HTTPS (RFC 8441): without the CONNECT-as-GET mapping this is a 405 from routing.
        var address = Server.HttpsBase;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == Server.CertificateHash;
        using var invoker = new HttpMessageInvoker(handler);
        async Task<HttpStatusCode> Connect(string query)
        {
            using var ws = new System.Net.WebSockets.ClientWebSocket();
            ws.Options.HttpVersion = HttpVersion.Version20;
            ws.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
            ws.Options.CollectHttpResponseDetails = true;
            ws.Options.SetRequestHeader("Cookie", _session.Cookie);
            ws.Options.SetRequestHeader("Origin", Origin);
            var uri = new Uri($"wss://{address.Authority}/api/v1/vms/gated/console{query}");
            await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => ws.ConnectAsync(uri, invoker, CancellationToken.None));
            return ws.HttpStatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await Connect(""));
        Assert.Equal(HttpStatusCode.Conflict, await Connect($"?ticket={await Ticket("gated", "serial")}"));
    }

    private async Task<int> VmId() =>
        (int)(await Rest.GetArray(Server.Socket, "/api/v1/vms")).Single(v => (string?)v!["name"] == "gated")!["id"]!;
}
