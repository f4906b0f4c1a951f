using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Audit;

/// <summary>
/// What the audit middleware learns of a request while it runs: its route (kept here because the exception handler
/// clears the endpoint before the answer is known) and, for a login, the name it logged in as or tried.
/// </summary>
public sealed class AuditedRequest
{
    public string? Route { get; private set; }
    public string? Guest { get; private set; }
    /// <summary>An anonymous route (a login): always recorded, even when no caller was ever known.</summary>
    public bool Anonymous { get; private set; }
    public string? LoginName { get; set; }

    public static AuditedRequest? Of(HttpContext http) => http.Features.Get<AuditedRequest>();

    internal void Capture(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
            return;
        // A group's "" route comes out as "/api/v1/users/": the same route as the path the caller wrote.
        Route = endpoint.RoutePattern.RawText is { Length: > 1 } raw ? raw.TrimEnd('/') : endpoint.RoutePattern.RawText;
        Guest = http.Request.RouteValues.TryGetValue("ref", out var guest) ? guest as string : null;
        Anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
    }
}
