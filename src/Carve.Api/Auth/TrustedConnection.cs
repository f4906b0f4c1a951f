using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Carve.Api.Auth;

/// <summary>
/// Marks the connections of a listener as trusted (the 0600 unix socket, reachable only by root),
/// so that requests on them need no token.
/// </summary>
public static class TrustedConnection
{
    private const string Key = "carve.trusted";

    public static ListenOptions MarkTrusted(this ListenOptions listen)
    {
        listen.Use(next => connection =>
        {
            connection.Items[Key] = true;
            return next(connection);
        });
        return listen;
    }

    public static bool IsTrusted(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(Key, out var v) == true && v is true;
}
