using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carve.OpenApiDump;

/// <summary>
/// The OpenAPI document as it is checked in at web/openapi.json: fetched from a daemon over its unix socket and
/// written indented, one way, so that the file's diff shows what changed. Shared as source with Carve.Api.Tests.
/// </summary>
public static class OpenApiText
{
    public const string DocumentPath = "/api/v1/openapi.json";
    public const string RegenerateHint = "./build.sh --update-openapi";

    /// <summary>GET /api/v1/openapi.json through the daemon's trusted unix socket.</summary>
    public static async Task<string> FetchAsync(string socketPath, CancellationToken ct = default)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://carved/") };
        return Normalize(await client.GetStringAsync(DocumentPath.TrimStart('/'), ct));
    }

    /// <summary>Indented JSON with a final newline; "servers" goes, since it names whatever host the request came to.</summary>
    public static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
