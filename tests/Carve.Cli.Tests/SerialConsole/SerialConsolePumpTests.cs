using System.Net.WebSockets;
using System.Text;
using Carve.Cli.SerialConsole;
using Carve.Cli.Tests.Fakes;

namespace Carve.Cli.Tests.SerialConsole;

public sealed class SerialConsolePumpTests : IAsyncLifetime
{
    private LoopbackWebSocketPair _pair = null!;

    private WebSocket ClientSocket => _pair.Client;

    private WebSocket ServerSocket => _pair.Server;

    public async Task InitializeAsync() => _pair = await LoopbackWebSocketPair.OpenAsync();

    public async Task DisposeAsync() => await _pair.DisposeAsync();

    private async Task<string> ServerReceiveAsync(int expectedBytes)
    {
        var buffer = new byte[1024];
        var received = new MemoryStream();
        while (received.Length < expectedBytes)
        {
            var result = await ServerSocket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
                break;
            received.Write(buffer, 0, result.Count);
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    [Fact]
    public async Task Piped_input_goes_through_and_the_answer_comes_back_before_exit()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes("echo hi\n"));
        var output = new MemoryStream();
        var pump = new SerialConsolePump(ClientSocket, input, output, interactive: false) { LingerQuiet = TimeSpan.FromMilliseconds(300) };
        var running = pump.RunAsync(CancellationToken.None);

        Assert.Equal("echo hi\n", await ServerReceiveAsync(8));
        await ServerSocket.SendAsync("hi\r\n"u8.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);

        Assert.Equal(ConsoleEnd.InputEnded, await running);
        Assert.Equal("hi\r\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Ctrl_close_bracket_detaches_interactively_and_is_not_sent()
    {
        var input = new MemoryStream([(byte)'a', (byte)'b', SerialConsolePump.DetachByte, (byte)'c']);
        var pump = new SerialConsolePump(ClientSocket, input, new MemoryStream(), interactive: true);
        var end = await pump.RunAsync(CancellationToken.None);
        Assert.Equal(ConsoleEnd.Detached, end);
        Assert.Equal("ab", await ServerReceiveAsync(2));
    }

    [Fact]
    public async Task From_a_pipe_the_detach_byte_is_just_data()
    {
        var input = new MemoryStream([(byte)'a', SerialConsolePump.DetachByte, (byte)'c']);
        var pump = new SerialConsolePump(ClientSocket, input, new MemoryStream(), interactive: false) { LingerQuiet = TimeSpan.FromMilliseconds(100) };
        var running = pump.RunAsync(CancellationToken.None);
        Assert.Equal("a\u001dc", await ServerReceiveAsync(3));
        Assert.Equal(ConsoleEnd.InputEnded, await running);
    }

    [Fact]
    public async Task Server_close_ends_the_session_while_stdin_is_still_open()
    {
        var output = new MemoryStream();
        var pump = new SerialConsolePump(ClientSocket, new BlockingStream(), output, interactive: true);
        var running = pump.RunAsync(CancellationToken.None);
        await ServerSocket.SendAsync("bye"u8.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        await ServerSocket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "guest stopped", CancellationToken.None);
        Assert.Equal(ConsoleEnd.SocketClosed, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("bye", Encoding.UTF8.GetString(output.ToArray()));
    }
}
