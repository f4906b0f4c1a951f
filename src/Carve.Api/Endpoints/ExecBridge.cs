using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Carve.Contracts;
using Carve.Contracts.Containers;
using Carve.Core.Drivers;

namespace Carve.Api.Endpoints;

/// <summary>Carries a guest process's streams over a WebSocket, one channel byte in front of each frame.</summary>
internal static class ExecBridge
{
    private const int MaxStartBytes = 256 * 1024;

    /// <summary>The first, text message: what to run. A malformed one closes the socket with a reason.</summary>
    public static async Task<ExecStart?> ReadStartAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[MaxStartBytes];
        var length = 0;
        WebSocketReceiveResult message;
        do
        {
            message = await socket.ReceiveAsync(buffer.AsMemory(length), ct) is var r
                ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage)
                : throw new InvalidOperationException();
            length += message.Count;
        }
        while (!message.EndOfMessage && length < buffer.Length);
        string? problem = null;
        ExecStart? start = null;
        if (message.MessageType != WebSocketMessageType.Text || !message.EndOfMessage)
            problem = "The first message must be the ExecStart JSON as one text frame.";
        else
        {
            try
            {
                start = JsonSerializer.Deserialize(buffer.AsSpan(0, length), CarveJson.StrictTypeInfo<ExecStart>());
                if (start is null || start.Command.Count == 0)
                    problem = "The command is empty.";
                else if (start.Command.Any(a => a.Contains('\0', StringComparison.Ordinal)))
                    problem = "An argument contains a NUL character.";
            }
            catch (JsonException e)
            {
                problem = "The ExecStart JSON is not valid: " + e.Message;
            }
        }
        if (problem is null)
            return start;
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, problem[..Math.Min(problem.Length, 120)], ct);
        return null;
    }

    public static async Task PumpAsync(WebSocket socket, IGuestProcess process, CancellationToken ct)
    {
        var sendGate = new SemaphoreSlim(1, 1);
        var stdin = Task.Run(() => ForwardStdinAsync(socket, process.Stdin, ct), ct);
        var output = Task.WhenAll(
            ForwardOutputAsync(socket, sendGate, process.Stdout, ExecChannels.Stdout, ct),
            ForwardOutputAsync(socket, sendGate, process.Stderr, ExecChannels.Stderr, ct));
        try
        {
            var code = await process.WaitForExitAsync(ct);
            await output;
            await SendAsync(socket, sendGate, ExecChannels.Exit, Encoding.ASCII.GetBytes(code.ToString(CultureInfo.InvariantCulture)), ct);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "exited", ct);
            await stdin.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            // When this ends early (the caller went away), the output pumps run on until the caller disposes the
            // process and its streams end: the gate they share goes after them, not while one may hold it.
            _ = DisposeAfterAsync(output, sendGate);
        }
    }

    private static async Task DisposeAfterAsync(Task users, SemaphoreSlim gate)
    {
        await users.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        gate.Dispose();
    }

    private static async Task ForwardStdinAsync(WebSocket socket, Stream stdin, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await socket.ReceiveAsync(buffer, ct);
                if (message.MessageType == WebSocketMessageType.Close)
                    break;
                if (message.Count == 0 || buffer[0] != ExecChannels.Stdin)
                    continue;
                if (message.Count == 1 && message.EndOfMessage)
                    break; // the channel byte alone: end of input
                await stdin.WriteAsync(buffer.AsMemory(1, message.Count - 1), ct);
                await stdin.FlushAsync(ct);
            }
        }
        finally
        {
            await stdin.DisposeAsync();
        }
    }

    private static async Task ForwardOutputAsync(WebSocket socket, SemaphoreSlim gate, Stream output, byte channel, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        int n;
        while ((n = await output.ReadAsync(buffer, ct)) > 0)
            await SendAsync(socket, gate, channel, buffer.AsMemory(0, n), ct);
    }

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim gate, byte channel, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsMemory(1));
        await gate.WaitAsync(ct);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.SendAsync(frame, WebSocketMessageType.Binary, true, ct);
        }
        finally
        {
            gate.Release();
        }
    }
}
