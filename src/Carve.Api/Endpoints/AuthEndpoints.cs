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
        auth.MapPost("/login", async (LoginRequest body, HttpContext http, SessionService sessions, LoginThrottle throttle) =>
            {
                var from = http.Connection.RemoteIpAddress;
                AuditedRequest.Of(http)?.LoginName = body.Username;
                throttle.EnsureAllowed(body.Username, from);
                var login = sessions.Login(body.Username, body.Password);
                if (login is null)
                {
                    await Task.Delay(throttle.Failed(body.Username, from), http.RequestAborted);
                    throw new CarveException(401, "Wrong user name or password.");
                }
                throttle.Succeeded(body.Username);
                return StartSession(http, login.Value.Cookie, login.Value.Session);
            })
            .WithSummary("Log in with a password; sets an HttpOnly session cookie and returns the CSRF token. Repeated failures per user and per address are slowed down, then refused for a while (429 with Retry-After)").Problems()
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
        auth.MapGet("/whoami", (HttpContext http, SessionService sessions) =>
            {
                var caller = http.Caller();
                var csrf = http.Request.Cookies[SessionCookie.Name] is { } cookie ? sessions.Find(cookie)?.Csrf : null;
                return TypedResults.Ok(new SessionView(caller.User, caller.Role, csrf));
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
