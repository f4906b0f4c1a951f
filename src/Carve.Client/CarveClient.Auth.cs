using Carve.Contracts.Auth;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>POST /auth/login: starts a cookie session; later state-changing calls send its CSRF token.</summary>
    public async Task<SessionView> LoginAsync(LoginRequest request, CancellationToken ct)
    {
        var session = await SendJsonAsync<LoginRequest, SessionView>(HttpMethod.Post, "auth/login", request, ct);
        _csrfToken = session.CsrfToken;
        return session;
    }

    /// <summary>GET /auth/whoami.</summary>
    public Task<SessionView> WhoAmIAsync(CancellationToken ct) => GetJsonAsync<SessionView>("auth/whoami", ct);
}
