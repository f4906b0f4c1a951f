using System.Security.Claims;
using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>The authenticated caller of a request, read from the ClaimsPrincipal that <see cref="CarveAuthenticationHandler"/> made.</summary>
public static class CallerPrincipal
{
    /// <summary>The session's CSRF token, kept on the request's identity so the CSRF check needs no second lookup.</summary>
    internal const string CsrfClaim = "carve:csrf";
    /// <summary>The guests a limited user may use, as the grant stores them; absent for every guest.</summary>
    private const string GuestsClaim = "carve:guests";

    public static Principal Caller(this HttpContext context) =>
        context.User.Identity is ClaimsIdentity { IsAuthenticated: true, Name: { } user } identity
        && identity.FindFirst(identity.RoleClaimType)?.Value is { } role
            ? new Principal(user, role, GuestGrant.Parse(identity.FindFirst(GuestsClaim)?.Value))
            : throw new InvalidOperationException("The request was not authenticated.");

    /// <summary>True when the caller came with a browser's session cookie (not a token, not the unix socket).</summary>
    public static bool ViaSessionCookie(this HttpContext context) => context.User.Identity?.AuthenticationType == CallerDoor.SessionCookie;

    internal static ClaimsPrincipal ToClaimsPrincipal(Principal principal, string door, string? csrf = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, principal.User), new(ClaimTypes.Role, principal.Role)];
        if (csrf is not null)
            claims.Add(new Claim(CsrfClaim, csrf));
        if (principal.Guests is { } grant)
            claims.Add(new Claim(GuestsClaim, grant.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, door, ClaimTypes.Name, ClaimTypes.Role));
    }
}
