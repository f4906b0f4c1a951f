using System.Net;

namespace Carve.Api.Tests.Support;

/// <summary>One daemon and a client for each kind of caller the auth matrix asks with.</summary>
public sealed class AuthMatrixFixture : IAsyncLifetime
{
    private CarveServer? _server;

    public CarveServer Server => _server ?? throw new InvalidOperationException("The server has not started.");
    public HttpClient Anonymous { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient Operator { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    /// <summary>An admin's browser session: the "name=value" cookie and its CSRF token.</summary>
    public (string Cookie, string Csrf) AdminSession { get; private set; }
    /// <summary>The session of an operator user granted only the guest "granted": every other guest is out of its reach.</summary>
    public (string Cookie, string Csrf) LimitedSession { get; private set; }
    public string Origin => Server.HttpsBase.GetLeftPart(UriPartial.Authority);

    public HttpClient Client(string role) => role switch
    {
        "viewer" => Viewer,
        "operator" => Operator,
        "admin" => Admin,
        _ => Anonymous,
    };

    public async Task InitializeAsync()
    {
        _server = await CarveServer.StartOnNewDirsAsync();
        Anonymous = Server.Https();
        Viewer = Server.Https(await NewToken("viewer"));
        Operator = Server.Https(await NewToken("operator"));
        var admin = await NewToken("admin");
        Admin = Server.Https(admin);
        using var login = await Anonymous.PostAsync("/api/v1/auth/token-login", Rest.Json(new { token = admin }));
        await Rest.ExpectStatus(login, HttpStatusCode.OK);
        AdminSession = await SessionAsync(login);
        LimitedSession = await LimitedUserAsync();
    }

    private async Task<(string Cookie, string Csrf)> LimitedUserAsync()
    {
        const string password = "limited-user-password";
        using (var add = await Server.Socket.PostAsync("/api/v1/users", Rest.Json(new { name = "limited", role = "operator", password })))
            await Rest.ExpectStatus(add, HttpStatusCode.Created);
        using (var grant = await Server.Socket.PutAsync("/api/v1/users/limited/grant", Rest.Json(new { role = "operator", guests = new[] { "granted" } })))
            await Rest.ExpectStatus(grant, HttpStatusCode.OK);
        using var login = await Anonymous.PostAsync("/api/v1/auth/login", Rest.Json(new { username = "limited", password }));
        await Rest.ExpectStatus(login, HttpStatusCode.OK);
        return await SessionAsync(login);
    }

    private static async Task<(string Cookie, string Csrf)> SessionAsync(HttpResponseMessage login) =>
        (login.Headers.GetValues("Set-Cookie").Single().Split(';')[0], (string)(await Rest.ReadJson(login))["csrfToken"]!);

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task<string> NewToken(string role)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "matrix-" + role, role }));
        await Rest.ExpectStatus(response, HttpStatusCode.Created);
        return (string)(await Rest.ReadJson(response))["secret"]!;
    }
}
