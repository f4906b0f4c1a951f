using System.Net.WebSockets;
using Carve.Client.Exec;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>
    /// GET /cts/{ref}/exec as a websocket speaking the exec protocol (see <see cref="ExecSession"/>). A container
    /// that is not running, or a command that cannot start, is carved's refusal as a <see cref="Errors.CarveApiException"/>.
    /// </summary>
    public Task<WebSocket> ConnectExecAsync(string ctRef, CancellationToken ct) =>
        ConnectWebSocketAsync(GuestPath(GuestKind.Ct, ctRef) + "/exec", "exec", ct);

    /// <summary>Runs a command in a running container with its stdin, stdout and stderr streamed; returns its exit code.</summary>
    public async Task<int> ExecAsync(string ctRef, ExecStart start, Stream stdin, Stream stdout, Stream stderr, CancellationToken ct)
    {
        using var socket = await ConnectExecAsync(ctRef, ct);
        using var session = new ExecSession(socket, stdin, stdout, stderr);
        return await session.RunAsync(start, ct);
    }
}
