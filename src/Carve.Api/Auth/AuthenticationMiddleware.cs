using Carve.Core.Auth;
using Carve.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>
/// Who is calling: the unix socket is trusted through its file mode; TCP needs a bearer token or a session
/// cookie, and a cookie session must also send its CSRF token on anything that changes state.
/// Viewers may only read; token management is for admins.
/// </summary>
public sealed class AuthenticationMiddleware(RequestDelegate next, TokenService tokens, SessionService sessions)
{
    private static readonly string[] Public = ["/api/v1/auth/login", "/api/v1/auth/token-login", "/api/v1/openapi.json"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal) || Public.Contains(path))
            return next(context);
        var principal = Authenticate(context)
            ?? throw new CarveException(401, "Authentication required: send 'Authorization: Bearer <token>' or log in.");
        Authorize(context, principal, path);
        context.SetCaller(principal);
        return next(context);
    }

    private Principal? Authenticate(HttpContext context)
    {
        if (TrustedConnection.IsTrusted(context))
            return Principal.LocalRoot;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
            return tokens.Authenticate(header[7..].Trim())
                ?? throw new CarveException(401, "The bearer token is not valid (unknown or deleted).");
        if (context.Request.Cookies[SessionCookie.Name] is not { } cookie)
            return null;
        var (principal, csrf) = sessions.Find(cookie) ?? throw new CarveException(401, "The session has expired; log in again.");
        if (ChangesState(context) && context.Request.Headers[SessionCookie.CsrfHeader] != csrf)
            throw new ForbiddenException($"Missing or wrong {SessionCookie.CsrfHeader} header for a cookie session.");
        context.MarkSessionCookie();
        return principal;
    }

    private static void Authorize(HttpContext context, Principal principal, string path)
    {
        if (path.StartsWith("/api/v1/tokens", StringComparison.Ordinal) && !principal.IsAdmin)
            throw new ForbiddenException("Only admins can manage API tokens.");
        if (ChangesState(context) && !principal.CanOperate && !path.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
            throw new ForbiddenException($"{principal.User} has the viewer role and cannot change anything.");
        // A console carries keystrokes: reading it is acting on the guest.
        if (context.WebSockets.IsWebSocketRequest && !principal.CanOperate)
            throw new ForbiddenException($"{principal.User} has the viewer role and cannot use consoles.");
    }

    private static bool ChangesState(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
}
