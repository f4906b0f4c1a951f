using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>The authenticated caller of a request, set by <see cref="AuthenticationMiddleware"/>.</summary>
public static class CallerPrincipal
{
    private const string Key = "carve.principal";
    private const string CookieKey = "carve.cookie";

    public static Principal Caller(this HttpContext context) =>
        context.Items[Key] as Principal ?? throw new InvalidOperationException("The request was not authenticated.");

    /// <summary>True when the caller came with a browser's session cookie (not a token, not the unix socket).</summary>
    public static bool ViaSessionCookie(this HttpContext context) => context.Items.ContainsKey(CookieKey);

    internal static void MarkSessionCookie(this HttpContext context) => context.Items[CookieKey] = true;

    internal static void SetCaller(this HttpContext context, Principal principal) => context.Items[Key] = principal;
}
