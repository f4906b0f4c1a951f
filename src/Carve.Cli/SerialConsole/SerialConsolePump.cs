using System.Net.WebSockets;

namespace Carve.Cli.SerialConsole;

/// <summary>
/// Copies bytes stdin → websocket and websocket → stdout. Interactively, Ctrl-] (0x1d) detaches;
/// from a pipe every byte goes through, and after the pipe's end the guest's answer is still shown
/// until it has been quiet a moment.
/// </summary>
internal sealed class SerialConsolePump(WebSocket socket, Stream input, Stream output, bool interactive)
{
    public const byte DetachByte = 0x1d;

    public TimeSpan LingerQuiet { get; init; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan LingerMax { get; init; } = TimeSpan.FromSeconds(15);

    private long _lastOutputTicks = Environment.TickCount64;

    public async Task<ConsoleEnd> RunAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveAsync(stop.Token);
        var sending = SendAsync(stop.Token);
        var first = await Task.WhenAny(receiving, sending);
        ConsoleEnd end;
        if (first == receiving)
        {
            await receiving;
            end = ConsoleEnd.SocketClosed;
        }
        else
        {
            try
            {
                end = await sending;
            }
            catch (WebSocketException)
            {
                // Sending failed because the socket went away: the same as carved closing it.
                end = ConsoleEnd.SocketClosed;
            }
            finally
            {
                if (!sending.IsCompletedSuccessfully)
                    await stop.CancelAsync();
            }
            if (end == ConsoleEnd.InputEnded)
                await LingerAsync(receiving, ct);
            if (end != ConsoleEnd.SocketClosed)
                await CloseAsync(ct);
        }
        // A blocked read of stdin cannot be cancelled; it is left behind and ends with the process.
        await stop.CancelAsync();
        await receiving.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return end;
    }

    private async Task ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                if (result.Count == 0)
                    continue;
                await output.WriteAsync(buffer.AsMemory(0, result.Count), ct);
                await output.FlushAsync(ct);
                Volatile.Write(ref _lastOutputTicks, Environment.TickCount64);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            // Closed without a close frame (carved stopped, say), or stdout went away: the session is over.
        }
    }

    private async Task<ConsoleEnd> SendAsync(CancellationToken ct)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var count = await input.ReadAsync(buffer, ct);
            if (count == 0)
                return ConsoleEnd.InputEnded;
            var detachAt = interactive ? Array.IndexOf(buffer, DetachByte, 0, count) : -1;
            var forward = detachAt >= 0 ? detachAt : count;
            if (forward > 0)
                await socket.SendAsync(buffer.AsMemory(0, forward), WebSocketMessageType.Binary, endOfMessage: true, ct);
            if (detachAt >= 0)
                return ConsoleEnd.Detached;
        }
    }

    private async Task LingerAsync(Task receiving, CancellationToken ct)
    {
        var started = Environment.TickCount64;
        Volatile.Write(ref _lastOutputTicks, started);
        while (!receiving.IsCompleted)
        {
            var now = Environment.TickCount64;
            if (now - Volatile.Read(ref _lastOutputTicks) >= LingerQuiet.TotalMilliseconds || now - started >= LingerMax.TotalMilliseconds)
                return;
            await Task.WhenAny(receiving, Task.Delay(100, ct));
        }
    }

    private async Task CloseAsync(CancellationToken ct)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "detached", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Best effort: the process is about to exit anyway.
        }
    }
}
