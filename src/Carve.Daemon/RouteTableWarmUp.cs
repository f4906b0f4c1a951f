using System.Net.Sockets;
using System.Text;

namespace Carve.Daemon;

/// <summary>
/// ASP.NET Core builds its route matcher (a DFA over every endpoint) on the first request, and most of what that
/// allocates is garbage afterwards: about 2 MiB that an idle daemon would keep committed until some later collection.
/// carved sends itself one request over its own socket while it is still starting, so that the heap compaction right
/// after frees that garbage too, and the first real request does not pay for the build.
/// </summary>
internal static class RouteTableWarmUp
{
    // A path no endpoint has: the matcher runs over the whole table, and the answer (404) touches no state.
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET /api/v1/-warm-up HTTP/1.1\r\nHost: carved\r\nConnection: close\r\n\r\n");

    public static async Task RunAsync(string socketPath, CancellationToken ct)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
        await socket.SendAsync(Request, SocketFlags.None, ct);
        // Read until the server closes the connection (Connection: close), so that the request has run to its end.
        var buffer = new byte[4096];
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, ct) > 0)
        {
        }
    }
}
