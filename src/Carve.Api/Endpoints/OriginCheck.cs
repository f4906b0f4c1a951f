using Carve.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Endpoints;

/// <summary>Browsers send Origin on WebSockets; one from another site must not ride on the user's cookie.</summary>
internal static class OriginCheck
{
    public static void Require(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
            throw new ForbiddenException($"WebSocket origin {origin} is not this server.");
    }
}
