using System.Text.Json;

namespace Carve.Qemu.Qmp;

public sealed partial class QmpClient
{
    private async Task ReceiveLoopAsync()
    {
        Exception reason;
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(_stopping.Token);
                if (line is null)
                {
                    reason = new QmpDisconnectedException($"QEMU closed the QMP connection {SocketPath}");
                    break;
                }
                if (!string.IsNullOrWhiteSpace(line))
                    Dispatch(line);
            }
        }
        catch (JsonException e)
        {
            reason = new QmpDisconnectedException($"QEMU sent malformed JSON on {SocketPath}: {e.Message}", e);
        }
#pragma warning disable CA1031 // the receive loop's boundary: any failure ends the connection, and every waiter gets it as the reason
        catch (Exception e)
#pragma warning restore CA1031
        {
            reason = new QmpDisconnectedException($"The QMP connection {SocketPath} failed: {e.Message}", e);
        }
        Close(reason);
    }

    private void Dispatch(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var message = doc.RootElement;
        if (message.TryGetProperty("event", out _))
        {
            Publish(QmpJson.ParseEvent(message));
            return;
        }
        // A reply without our numeric id cannot be matched to a caller; QEMU only sends one
        // for input it could not parse, which this client never writes.
        if (!message.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id)
            || !_pending.TryRemove(id, out var pending))
            return;

        if (message.TryGetProperty("error", out var error))
        {
            var errorClass = error.TryGetProperty("class", out var c) ? c.GetString() ?? "" : "";
            var description = error.TryGetProperty("desc", out var d) ? d.GetString() ?? "" : "";
            pending.Reply.TrySetException(new QmpException(pending.Command, errorClass, description));
        }
        else if (message.TryGetProperty("return", out var result))
        {
            pending.Reply.TrySetResult(result.Clone());
        }
        else
        {
            pending.Reply.TrySetException(new QmpDisconnectedException($"QEMU sent a reply to '{pending.Command}' with neither return nor error"));
        }
    }

    /// <summary>Records why the connection ended (first reason wins) and fails everyone waiting.</summary>
    private void Close(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _closedBecause, reason, null) is not null)
            return;
        foreach (var id in _pending.Keys)
            if (_pending.TryRemove(id, out var pending))
                pending.Reply.TrySetException(Disconnected(pending.Command, reason));
        FailEventWaiters(reason);
        _events.Writer.TryComplete();
        _closed.TrySetResult();
    }
}
