using Carve.Api.Auth;
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
        auth.MapPost("/login", (LoginRequest body, HttpContext http, SessionService sessions) =>
            {
                var (cookie, session) = sessions.Login(body.Username, body.Password)
                    ?? throw new CarveException(401, "Wrong user name or password.");
                return StartSession(http, cookie, session);
            })
            .WithSummary("Log in with a password; sets an HttpOnly session cookie and returns the CSRF token").Problems().AllowAnonymous();
        auth.MapPost("/token-login", (TokenLoginRequest body, HttpContext http, SessionService sessions, TokenService tokens) =>
            {
                var principal = tokens.Authenticate(body.Token) ?? throw new CarveException(401, "The API token is not valid (unknown or deleted).");
                var (cookie, session) = sessions.Open(principal);
                return StartSession(http, cookie, session);
            })
            .WithSummary("Log in with an API token; the session has the token's role (a viewer token gives a read-only UI)").Problems().AllowAnonymous();
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
