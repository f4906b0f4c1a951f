using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>
/// The auth matrix, generated from the served OpenAPI document so that a new route cannot escape it: every route and
/// method, asked by each kind of caller. Path parameters name things that do not exist ("ghost"), so a 401 or 403
/// shows that the auth layer answered before any lookup could say 404. Where a body is expected it is "[]", which
/// every endpoint refuses, so that a hole in the matrix cannot change anything.
/// </summary>
public sealed class OpenApiAuthMatrixTests(AuthMatrixFixture fixture) : IClassFixture<AuthMatrixFixture>
{
    /// <summary>Anonymous by design: logging in is how a caller gets credentials. The document itself is not among its paths.</summary>
    private static readonly string[] Public = ["POST /api/v1/auth/login", "POST /api/v1/auth/token-login"];
    /// <summary>Ending one's own session, and one's own password and second factor, are the changes a viewer may make.</summary>
    private static readonly string[] OwnSession =
    [
        "POST /api/v1/auth/logout", "PUT /api/v1/auth/password", "POST /api/v1/auth/totp", "POST /api/v1/auth/totp/confirm",
        "POST /api/v1/auth/totp/disable",
    ];
    /// <summary>A guest's disks hold everything it has: downloading them is more than viewing. (The document gives no content type to tell.)</summary>
    private static readonly string[] OperatorReads = ["GET /api/v1/exports/{id}/{file}"];
    /// <summary>Keys to the whole host: API tokens, users, the audit log, the HTTPS certificate, and every guest at once.</summary>
    private static readonly string[] AdminOnlyPaths =
    [
        "/api/v1/tokens", "/api/v1/tokens/{name}", "/api/v1/users", "/api/v1/users/{name}", "/api/v1/users/{name}/password",
        "/api/v1/users/{name}/grant", "/api/v1/users/{name}/totp", "/api/v1/users/{name}/totp/confirm", "/api/v1/audit",
        "/api/v1/host/certificate", "/api/v1/host/start-guests", "/api/v1/host/stop-guests",
    ];

    private static readonly (string, string)[] WebSocketUpgrade =
        [("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")];

    private static bool IsPublic(ApiOperation o) => Public.Contains(o.ToString());
    private static bool IsAdminOnly(ApiOperation o) => AdminOnlyPaths.Contains(o.Template);
    private static bool ViewersMayNot(ApiOperation o) =>
        !IsPublic(o) && !OwnSession.Contains(o.ToString()) && (o.ChangesState || o.IsWebSocket || OperatorReads.Contains(o.ToString()) || IsAdminOnly(o));

    public static TheoryData<string, string> Guarded => ServedOpenApi.Rows(o => !IsPublic(o));
    public static TheoryData<string, string> ForbiddenToViewers => ServedOpenApi.Rows(ViewersMayNot);
    public static TheoryData<string, string> AdminOnly => ServedOpenApi.Rows(IsAdminOnly);
    public static TheoryData<string, string> CookieChanges => ServedOpenApi.Rows(o => o.ChangesState && !IsPublic(o));
    public static TheoryData<string, string> WebSockets => ServedOpenApi.Rows(o => o.IsWebSocket);
    /// <summary>Routes of one guest (its {ref}) that need no console ticket.</summary>
    public static TheoryData<string, string> GuestRoutes => ServedOpenApi.Rows(o => o.Template.Contains("{ref}", StringComparison.Ordinal) && !o.IsWebSocket);

    /// <summary>The other side of the matrix, so that a route refused to everyone fails too.</summary>
    public static TheoryData<string, string, string> Allowed
    {
        get
        {
            var rows = new TheoryData<string, string, string>();
            foreach (var o in ServedOpenApi.Operations.Where(o => !IsPublic(o)))
            {
                if (!ViewersMayNot(o))
                    rows.Add("viewer", o.Method, o.Template);
                if (!IsAdminOnly(o))
                    rows.Add("operator", o.Method, o.Template);
            }
            return rows;
        }
    }

    [Fact]
    public void The_exceptions_name_routes_of_the_document_and_the_document_has_consoles()
    {
        var routes = ServedOpenApi.Operations.Select(o => o.ToString()).ToList();
        Assert.All(Public.Concat(OwnSession).Concat(OperatorReads), r => Assert.Contains(r, routes));
        Assert.All(AdminOnlyPaths, p => Assert.Contains(ServedOpenApi.Operations, o => o.Template == p));
        // VM serial and screen, container console and exec: a document that lost its WebSocket marker fails here.
        var webSockets = ServedOpenApi.Operations.Count(o => o.IsWebSocket);
        Assert.True(webSockets >= 4, $"only {webSockets} WebSocket routes found");
    }

    [Theory]
    [MemberData(nameof(Guarded))]
    public async Task Without_credentials_a_route_is_401(string method, string path)
    {
        await ExpectRefused(HttpStatusCode.Unauthorized, "Authentication required", fixture.Anonymous, method, path);
    }

    [Theory]
    [MemberData(nameof(ForbiddenToViewers))]
    public async Task A_viewer_token_cannot_change_download_open_consoles_or_manage_the_host(string method, string path)
    {
        // "has the viewer role" or, on admin routes, "Only admins".
        await ExpectRefused(HttpStatusCode.Forbidden, "", fixture.Viewer, method, path);
    }

    [Theory]
    [MemberData(nameof(AdminOnly))]
    public async Task An_operator_token_cannot_use_an_admin_route(string method, string path)
    {
        await ExpectRefused(HttpStatusCode.Forbidden, "Only admins", fixture.Operator, method, path);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task A_caller_with_the_role_gets_past_the_auth_layer(string role, string method, string path)
    {
        using var response = await Send(fixture.Client(role), method, path);
        Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
            $"{role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(CookieChanges))]
    public async Task A_cookie_session_change_without_the_csrf_header_is_403(string method, string path)
    {
        await ExpectRefused(HttpStatusCode.Forbidden, "X-CSRF-Token", fixture.Anonymous, method, path, ("Cookie", fixture.AdminSession.Cookie));
    }

    [Theory]
    [MemberData(nameof(WebSockets))]
    public async Task A_cookie_session_console_without_a_ticket_is_403(string method, string path)
    {
        await ExpectRefused(HttpStatusCode.Forbidden, "ticket", fixture.Anonymous, method, path, ("Cookie", fixture.AdminSession.Cookie), ("Origin", fixture.Origin));
    }

    [Theory]
    [MemberData(nameof(WebSockets))]
    public async Task A_cookie_session_console_without_an_origin_is_403(string method, string path)
    {
        await ExpectRefused(HttpStatusCode.Forbidden, "Origin", fixture.Anonymous, method, path, ("Cookie", fixture.AdminSession.Cookie));
    }

    [Theory]
    [MemberData(nameof(WebSockets))]
    public async Task A_console_from_a_foreign_origin_is_403_even_with_an_admin_token(string method, string path)
    {
        await ExpectRefused(HttpStatusCode.Forbidden, "evil.example", fixture.Admin, method, path, ("Origin", "https://evil.example"));
    }

    [Theory]
    [MemberData(nameof(GuestRoutes))]
    public async Task A_user_granted_other_guests_gets_403_for_this_one(string method, string path)
    {
        var (cookie, csrf) = fixture.LimitedSession;
        await ExpectRefused(HttpStatusCode.Forbidden, "", fixture.Anonymous, method, path, ("Cookie", cookie), ("X-CSRF-Token", csrf));
    }

    /// <summary>A problem with this status whose detail says why.</summary>
    private static async Task ExpectRefused(HttpStatusCode status, string saying, HttpClient client, string method, string path, params (string, string)[] headers)
    {
        using var response = await Send(client, method, path, headers);
        Assert.Contains(saying, await Rest.ExpectProblem(response, status));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string path, params (string, string)[] headers)
    {
        var operation = ServedOpenApi.Find(method, path);
        var body = operation.RequestSchema is null ? null : Rest.RawJson("[]");
        using var request = Rest.Request(operation.HttpMethod, operation.PathWith(_ => "ghost"), body,
            [.. operation.IsWebSocket ? WebSocketUpgrade : [], .. headers]);
        return await client.SendAsync(request);
    }
}
