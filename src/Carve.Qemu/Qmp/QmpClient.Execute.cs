using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carve.Qemu.Qmp;

public sealed partial class QmpClient
{
    /// <summary>
    /// Sends one command and returns its <c>return</c> member.
    /// </summary>
    /// <param name="arguments">Serialized as the <c>arguments</c> object; null sends none.</param>
    /// <exception cref="QmpException">QEMU answered with an error.</exception>
    /// <exception cref="QmpDisconnectedException">The connection closed before the reply.</exception>
    public async Task<JsonElement> ExecuteAsync(string command, JsonObject? arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        var id = Interlocked.Increment(ref _lastId);
        var message = Serialize(command, arguments, id);
        var pending = new PendingCommand(command);
        _pending[id] = pending;
        // Close() records its reason before draining _pending, so checking after adding closes the race.
        if (Volatile.Read(ref _closedBecause) is { } reason)
        {
            _pending.TryRemove(id, out _);
            throw Disconnected(command, reason);
        }

        using var registration = cancellationToken.Register(() =>
        {
            if (_pending.TryRemove(id, out var p))
                p.Reply.TrySetCanceled(cancellationToken);
        });
        await SendAsync(command, message, cancellationToken);
        return await pending.Reply.Task;
    }

    private async Task SendAsync(string command, byte[] message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Not the caller's token: a write cut off halfway would corrupt the stream for everyone.
            await _stream.WriteAsync(message, _stopping.Token);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            var reason = new QmpDisconnectedException($"Writing to the QMP socket {SocketPath} failed: {e.Message}", e);
            Close(reason);
            throw Disconnected(command, Volatile.Read(ref _closedBecause) ?? reason);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static byte[] Serialize(string command, JsonObject? arguments, long id)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("execute", command);
            if (arguments is not null)
            {
                writer.WritePropertyName("arguments");
                arguments.WriteTo(writer);
            }
            writer.WriteNumber("id", id);
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static QmpDisconnectedException Disconnected(string command, Exception reason) =>
        new($"'{command}' failed: {reason.Message}", reason);
}
