using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Carve.Client.Errors;
using Carve.Contracts.Containers;

namespace Carve.Client.Exec;

public sealed partial class ExecSession
{
    private const int OutputChunk = 64 * 1024;

    private bool _stdoutGone;
    private bool _stderrGone;

    /// <summary>Copies stdout and stderr frames out until the exit frame, whose code it returns.</summary>
    private async Task<int> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[OutputChunk];
        var exitCode = new List<byte>();
        int? channel = null; // the channel of the message being read; null between messages
        while (true)
        {
            var result = await Guard(socket.ReceiveAsync(buffer.AsMemory(), ct));
            if (result.MessageType == WebSocketMessageType.Close)
                throw ClosedEarly();
            var data = buffer.AsMemory(0, result.Count);
            if (channel is null && data.Length > 0)
            {
                channel = result.MessageType == WebSocketMessageType.Binary ? data.Span[0] : -1; // text: not part of the protocol
                data = data[1..];
            }
            switch (channel)
            {
                case ExecChannels.Stdout:
                    _stdoutGone = await CopyOutAsync(stdout, data, _stdoutGone, ct);
                    break;
                case ExecChannels.Stderr:
                    _stderrGone = await CopyOutAsync(stderr, data, _stderrGone, ct);
                    break;
                case ExecChannels.Exit:
                    exitCode.AddRange(data.Span);
                    break;
            }
            if (!result.EndOfMessage)
                continue;
            if (channel == ExecChannels.Exit)
                return ParseExitCode(exitCode);
            channel = null;
        }
    }

    /// <summary>Writes and flushes; returns whether the stream is gone (a closed pipe), after which its output is dropped.</summary>
    private static async Task<bool> CopyOutAsync(Stream destination, ReadOnlyMemory<byte> data, bool gone, CancellationToken ct)
    {
        if (gone || data.IsEmpty)
            return gone;
        try
        {
            await destination.WriteAsync(data, ct);
            await destination.FlushAsync(ct);
            return false;
        }
        catch (IOException)
        {
            // `carve ct exec ... | head -1`: the reader left; the command still runs to its exit code.
            return true;
        }
    }

    private static int ParseExitCode(List<byte> digits)
    {
        var text = Encoding.ASCII.GetString([.. digits]);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : throw new CarveProtocolException($"carved sent an exit code this client cannot read ('{text}').");
    }

    private CarveConnectionException ClosedEarly()
    {
        var reason = string.IsNullOrWhiteSpace(socket.CloseStatusDescription) ? "" : $" ({socket.CloseStatusDescription})";
        return new CarveConnectionException($"carved closed the exec session before the command's exit code came{reason}.");
    }

    /// <summary>A websocket that breaks mid-session is a connection failure, said in one sentence.</summary>
    private static async Task<T> Guard<T>(ValueTask<T> operation)
    {
        try
        {
            return await operation;
        }
        catch (WebSocketException e)
        {
            throw new CarveConnectionException($"The exec session's connection to carved broke: {e.Message}", e);
        }
    }

    private static async Task Guard(ValueTask operation)
    {
        try
        {
            await operation;
        }
        catch (WebSocketException e)
        {
            throw new CarveConnectionException($"The exec session's connection to carved broke: {e.Message}", e);
        }
    }
}
