using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Carve.Cli.Tests.Fakes;
using Carve.Client.Errors;
using Carve.Client.Exec;
using Carve.Contracts.Containers;

namespace Carve.Cli.Tests.Exec;

public sealed class ExecSessionTests : IAsyncLifetime
{
    private static readonly ExecStart Sh = new() { Command = ["sh", "-c", "read x; echo got-$x; exit 3"] };
    private LoopbackWebSocketPair _pair = null!;

    private WebSocket Server => _pair.Server;

    public async Task InitializeAsync() => _pair = await LoopbackWebSocketPair.OpenAsync();

    public async Task DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task The_first_message_is_the_start_as_camel_case_json_text()
    {
        var start = new ExecStart { Command = ["env"], Environment = new Dictionary<string, string> { ["LANG"] = "C" } };
        var running = new ExecSession(_pair.Client, new BlockingStream(), Stream.Null, Stream.Null).RunAsync(start, CancellationToken.None);

        var (type, bytes) = await ReceiveMessageAsync();
        Assert.Equal(WebSocketMessageType.Text, type);
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(["env"], json.RootElement.GetProperty("command").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("C", json.RootElement.GetProperty("environment").GetProperty("LANG").GetString());

        await ExitAsync("0");
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Stdin_goes_as_channel_0_frames_then_an_empty_eof_frame_and_the_exit_code_comes_back()
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var session = new ExecSession(_pair.Client, new MemoryStream("hi\n"u8.ToArray()), stdout, stderr);
        var running = session.RunAsync(Sh, CancellationToken.None);

        await ReceiveMessageAsync(); // the start
        var input = new MemoryStream();
        while (true)
        {
            var (type, frame) = await ReceiveMessageAsync();
            Assert.Equal(WebSocketMessageType.Binary, type);
            Assert.Equal(ExecChannels.Stdin, frame[0]);
            if (frame.Length == 1)
                break;
            input.Write(frame, 1, frame.Length - 1);
        }
        Assert.Equal("hi\n", Encoding.UTF8.GetString(input.ToArray()));

        await SendAsync(ExecChannels.Stdout, "got-hi\n");
        await SendAsync(ExecChannels.Stderr, "a warning\n");
        await ExitAsync("3");

        Assert.Equal(3, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("got-hi\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("a warning\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task The_exit_code_ends_the_session_while_stdin_is_still_open()
    {
        var running = new ExecSession(_pair.Client, new BlockingStream(), Stream.Null, Stream.Null).RunAsync(Sh, CancellationToken.None);
        await ReceiveMessageAsync();
        await ExitAsync("127");
        Assert.Equal(127, await running.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Output_is_copied_byte_for_byte_even_when_a_frame_is_larger_than_one_read()
    {
        var payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 256)).ToArray();
        var stdout = new MemoryStream();
        var running = new ExecSession(_pair.Client, new BlockingStream(), stdout, Stream.Null).RunAsync(Sh, CancellationToken.None);
        await ReceiveMessageAsync();
        await Server.SendAsync((byte[])[ExecChannels.Stdout, .. payload], WebSocketMessageType.Binary, true, CancellationToken.None);
        await Server.SendAsync((byte[])[ExecChannels.Stdout], WebSocketMessageType.Binary, true, CancellationToken.None); // empty: nothing to write
        await ExitAsync("0");
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(payload, stdout.ToArray());
    }

    [Fact]
    public async Task A_closed_stdout_drops_output_but_still_gives_the_exit_code()
    {
        var running = new ExecSession(_pair.Client, new BlockingStream(), new BrokenPipeStream(), Stream.Null).RunAsync(Sh, CancellationToken.None);
        await ReceiveMessageAsync();
        await SendAsync(ExecChannels.Stdout, "one\n");
        await SendAsync(ExecChannels.Stdout, "two\n");
        await ExitAsync("5");
        Assert.Equal(5, await running.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_close_without_an_exit_code_is_a_connection_error_with_carveds_reason()
    {
        var running = new ExecSession(_pair.Client, new BlockingStream(), Stream.Null, Stream.Null).RunAsync(Sh, CancellationToken.None);
        await ReceiveMessageAsync();
        await CloseAsync(WebSocketCloseStatus.InternalServerError, "container stopped");
        var error = await Assert.ThrowsAsync<CarveConnectionException>(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("container stopped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_exit_code_is_a_protocol_error()
    {
        var running = new ExecSession(_pair.Client, new BlockingStream(), Stream.Null, Stream.Null).RunAsync(Sh, CancellationToken.None);
        await ReceiveMessageAsync();
        await ExitAsync("three");
        await Assert.ThrowsAsync<CarveProtocolException>(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>As carved ends a session: the exit frame, then its close.</summary>
    private async Task ExitAsync(string code)
    {
        await SendAsync(ExecChannels.Exit, code);
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "exited");
    }

    /// <summary>Starts the close handshake and, once the client answers, drops the connection, as Kestrel does.</summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await Server.CloseOutputAsync(status, reason, CancellationToken.None);
        _ = Task.Run(async () =>
        {
            try
            {
                var buffer = new byte[4096];
                while ((await Server.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
                {
                }
            }
            catch (WebSocketException)
            {
            }
            _pair.DropServerConnection();
        });
    }

    private Task SendAsync(byte channel, string text) =>
        Server.SendAsync((byte[])[channel, .. Encoding.UTF8.GetBytes(text)], WebSocketMessageType.Binary, true, CancellationToken.None);

    private async Task<(WebSocketMessageType Type, byte[] Bytes)> ReceiveMessageAsync()
    {
        var buffer = new byte[4096];
        var message = new MemoryStream();
        while (true)
        {
            var result = await Server.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return (result.MessageType, message.ToArray());
        }
    }

    /// <summary>stdout piped into `head -1` after head has exited.</summary>
    private sealed class BrokenPipeStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("Broken pipe"));
    }
}
