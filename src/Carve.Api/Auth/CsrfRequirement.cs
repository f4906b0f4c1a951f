using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>A browser attaches its cookie to any request, even one another site starts; only this page knows the CSRF token.</summary>
public sealed class CsrfRequirement : CarveRequirement
{
    protected override string? Refusal(HttpContext http, Principal caller) =>
        http.ViaSessionCookie() && http.Request.ChangesState()
        && http.Request.Headers[SessionCookie.CsrfHeader] != http.User.FindFirst(CallerPrincipal.CsrfClaim)?.Value
            ? $"Missing or wrong {SessionCookie.CsrfHeader} header for a cookie session."
            : null;
}
