using System.Net;

namespace Carve.Api.Tests.Support;

/// <summary>Browser sessions made by password login, and requests sent with them.</summary>
public static class Sessions
{
    /// <summary>Logs in over HTTPS; returns the "name=value" cookie and its CSRF token.</summary>
    public static async Task<(string Cookie, string Csrf)> LoginAsync(CarveServer server, string username, string password)
    {
        using var response = await server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username, password }));
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        return (response.Headers.GetValues("Set-Cookie").Single().Split(';')[0], (string)(await Rest.ReadJson(response))["csrfToken"]!);
    }

    public static Task<HttpResponseMessage> SendAsync(CarveServer server, HttpMethod method, string path, (string Cookie, string Csrf) session, HttpContent? content = null)
    {
        var request = Rest.Request(method, path, content, ("Cookie", session.Cookie), ("X-CSRF-Token", session.Csrf));
        return server.Https().SendAsync(request);
    }
}
