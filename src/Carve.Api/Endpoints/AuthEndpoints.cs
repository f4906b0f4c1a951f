using Carve.Api.Audit;
using Carve.Api.Auth;
using Carve.Contracts;
using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", async (LoginRequest body, HttpContext http, AccountService account) =>
            {
                AuditedRequest.Of(http)?.LoginName = body.Username;
                var (cookie, session) = await account.LoginAsync(body, http.Connection.RemoteIpAddress, http.RequestAborted);
                return StartSession(http, cookie, session);
            })
            .WithSummary("Log in with a password, and the current one-time code (totp) for a user with a second factor; sets an HttpOnly session cookie and returns the CSRF token. "
                + $"A right password without a needed code is 401 with the problem type {OneTimeCodeNeededException.TypeUri}. "
                + "Repeated failures (wrong codes too) per user and per address are slowed down, then refused for a while (429 with Retry-After)").Problems()
            .Produces<ProblemView>(429, "application/problem+json").AllowAnonymous();
        auth.MapPost("/token-login", async (TokenLoginRequest body, HttpContext http, SessionService sessions, TokenService tokens, LoginThrottle throttle) =>
            {
                var from = http.Connection.RemoteIpAddress;
                throttle.EnsureAllowed(null, from);
                if (tokens.Authenticate(body.Token) is not { } principal)
                {
                    await Task.Delay(throttle.Failed(null, from), http.RequestAborted);
                    throw new CarveException(401, "The API token is not valid (unknown or deleted).");
                }
                AuditedRequest.Of(http)?.LoginName = principal.User;
                var (cookie, session) = sessions.Open(principal);
                return StartSession(http, cookie, session);
            })
            .WithSummary("Log in with an API token; the session has the token's role (a viewer token gives a read-only UI); throttled per address like log-in").Problems()
            .Produces<ProblemView>(429, "application/problem+json").AllowAnonymous();
        auth.MapPost("/logout", (HttpContext http, SessionService sessions) =>
            {
                if (http.Request.Cookies[SessionCookie.Name] is { } cookie)
                    sessions.Logout(cookie);
                http.Response.Cookies.Delete(SessionCookie.Name);
                return TypedResults.NoContent();
            })
            .WithSummary("End the session");
        auth.MapPut("/password", async (ChangeOwnPasswordRequest body, HttpContext http, AccountService account) =>
            {
                await account.ChangePasswordAsync(http.Caller(), http.Connection.RemoteIpAddress, body, http.RequestAborted);
                http.Response.Cookies.Delete(SessionCookie.Name);
                return TypedResults.NoContent();
            })
            .WithSummary("Change the caller's own password, given the current one (a wrong one counts as a failed login); every session of the caller ends, this one too").Problems();
        auth.MapPost("/totp", async (PasswordCheckRequest body, HttpContext http, AccountService account) =>
                TypedResults.Ok(await account.BeginTotpAsync(http.Caller(), http.Connection.RemoteIpAddress, body.Password, http.RequestAborted)))
            .WithSummary("Start the caller's own TOTP second factor, given its password: a new secret and otpauth:// URI, in force once confirmed").Problems();
        auth.MapPost("/totp/confirm", (TotpCodeRequest body, HttpContext http, AccountService account) =>
            {
                account.ConfirmTotp(http.Caller(), body.Code);
                return TypedResults.NoContent();
            })
            .WithSummary("Put the caller's new TOTP secret in force with a current code from it; from then on logging in needs a code").Problems();
        auth.MapPost("/totp/disable", async (PasswordCheckRequest body, HttpContext http, AccountService account) =>
            {
                await account.DisableTotpAsync(http.Caller(), http.Connection.RemoteIpAddress, body.Password, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Turn the caller's own second factor off, given its password").Problems();
        auth.MapGet("/whoami", (HttpContext http, SessionService sessions, UserService users) =>
            {
                var caller = http.Caller();
                var csrf = http.Request.Cookies[SessionCookie.Name] is { } cookie ? sessions.Find(cookie)?.Csrf : null;
                return TypedResults.Ok(new SessionView(caller.User, caller.Role, csrf, users.HasTotp(caller.User)));
            })
            .WithSummary("Who the caller is");
    }

    private static Ok<SessionView> StartSession(HttpContext http, string cookie, SessionView session)
    {
        http.Response.Cookies.Append(SessionCookie.Name, cookie, new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/",
            MaxAge = SessionService.Lifetime,
        });
        return TypedResults.Ok(session);
    }
}
