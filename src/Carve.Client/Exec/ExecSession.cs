using System.Net.WebSockets;
using System.Text.Json;
using Carve.Contracts;
using Carve.Contracts.Containers;

namespace Carve.Client.Exec;

/// <summary>
/// The client side of the exec websocket (see <see cref="ExecStart"/>): the start message, then stdin as channel-0
/// frames ending with an empty one, stdout and stderr frames copied out as raw bytes, and the exit frame's code returned.
/// </summary>
public sealed partial class ExecSession(WebSocket socket, Stream stdin, Stream stdout, Stream stderr) : IDisposable
{
    private const int InputChunk = 16 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>One sender at a time: the stdin pump, or the close once the exit code is in.</summary>
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile bool _finished;

    /// <summary>Runs the command to its end and returns its exit code.</summary>
    public async Task<int> RunAsync(ExecStart start, CancellationToken ct)
    {
        var startMessage = JsonSerializer.SerializeToUtf8Bytes(start, CarveJson.TypeInfo<ExecStart>());
        await Guard(socket.SendAsync(startMessage.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, ct));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Not awaited: a blocked read of stdin cannot be cancelled; it is left behind and ends with the process.
        _ = PumpInputAsync(stop.Token, ct);
        try
        {
            return await ReceiveAsync(ct);
        }
        finally
        {
            _finished = true;
            await stop.CancelAsync();
            await CloseAsync();
        }
    }

    /// <summary>
    /// Frees the send lock. A stdin pump left blocked in a read may wake later: it finds the session finished, or
    /// the lock disposed, which ends it the same quiet way.
    /// </summary>
    public void Dispose() => _sendLock.Dispose();

    private async Task PumpInputAsync(CancellationToken stop, CancellationToken ct)
    {
        var frame = new byte[1 + InputChunk];
        frame[0] = ExecChannels.Stdin;
        try
        {
            while (true)
            {
                int count;
                try
                {
                    count = await stdin.ReadAsync(frame.AsMemory(1), stop);
                }
                catch (IOException)
                {
                    count = 0; // an unreadable stdin (closed, say) is an empty one
                }
                // A frame with just the channel byte tells the command that its stdin has ended.
                if (!await SendInputAsync(frame.AsMemory(0, 1 + count), ct) || count == 0)
                    return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The session is over (the exit code came, or the socket went away); the receiving side says which.
        }
    }

    private async Task<bool> SendInputAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            if (_finished || socket.State != WebSocketState.Open)
                return false;
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, ct);
            return true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Completes the close carved starts after the exit frame: reading its close first and then answering spares the
    /// client side's wait for the server to drop the connection. Best effort, briefly; on any trouble the socket is dropped.
    /// </summary>
    private async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
                // Nothing follows the exit frame but the close; anything else is dropped.
            }
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Abort();
        }
    }
}
