using System.Text.Encodings.Web;
using Carve.Api.Errors;
using Carve.Core.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carve.Api.Auth;

/// <summary>
/// The one scheme of the API. The unix socket is trusted through its file mode; TCP needs a bearer token or a
/// session cookie. What a caller may then do is the authorization policies' business (<see cref="CarvePolicies"/>).
/// </summary>
public sealed class CarveAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, SessionService sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Carve";

    private const string Required = "Authentication required: send 'Authorization: Bearer <token>' or log in.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(Identify());

    /// <summary>Who the caller is, from its door and credentials (named apart from the base class's AuthenticateAsync, which runs this scheme).</summary>
    private AuthenticateResult Identify()
    {
        if (TrustedConnection.IsTrusted(Context))
            return Success(Principal.LocalRoot, CallerDoor.UnixSocket);
        var header = Request.Headers.Authorization.ToString();
        // A bearer header decides alone: a bad token is refused even when a cookie came too.
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
            return tokens.Authenticate(header[7..].Trim()) is { } principal
                ? Success(principal, CallerDoor.BearerToken)
                : AuthenticateResult.Fail("The bearer token is not valid (unknown or deleted).");
        if (Request.Cookies[SessionCookie.Name] is not { } cookie)
            return AuthenticateResult.NoResult();
        return sessions.Find(cookie) is ({ } user, { } csrf)
            ? Success(user, CallerDoor.SessionCookie, csrf)
            : AuthenticateResult.Fail("The session has expired; log in again.");
    }

    private AuthenticateResult Success(Principal principal, string door, string? csrf = null) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.ToClaimsPrincipal(principal, door, csrf), SchemeName));

    /// <summary>A 401 problem saying why: no credentials at all, or which credential was refused.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceAsync();
        await ProblemResponses.WriteAsync(Context, 401, result.Failure?.Message ?? Required);
    }
}
