using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Carve.Cli.SerialConsole;

namespace Carve.Cli.Tests.SerialConsole;

public sealed class SerialConsolePumpTests : IAsyncLifetime
{
    private TcpListener? _listener;
    private TcpClient? _clientSide;
    private TcpClient? _serverSide;
    private WebSocket _client = null!;
    private WebSocket _server = null!;

    public async Task InitializeAsync()
    {
        // A real websocket pair over loopback TCP: the pump sees exactly what it sees against carved.
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _clientSide = new TcpClient();
        var accept = _listener.AcceptTcpClientAsync();
        await _clientSide.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndpoint).Port);
        _serverSide = await accept;
        _client = WebSocket.CreateFromStream(_clientSide.GetStream(), isServer: false, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
        _server = WebSocket.CreateFromStream(_serverSide.GetStream(), isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _server.Dispose();
        _clientSide?.Dispose();
        _serverSide?.Dispose();
        _listener?.Stop();
        return Task.CompletedTask;
    }

    private async Task<string> ServerReceiveAsync(int expectedBytes)
    {
        var buffer = new byte[1024];
        var received = new MemoryStream();
        while (received.Length < expectedBytes)
        {
            var result = await _server.ReceiveAsync(buffer, CancellationToken.None);
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
        var pump = new SerialConsolePump(_client, input, output, interactive: false) { LingerQuiet = TimeSpan.FromMilliseconds(300) };
        var running = pump.RunAsync(CancellationToken.None);

        Assert.Equal("echo hi\n", await ServerReceiveAsync(8));
        await _server.SendAsync("hi\r\n"u8.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);

        Assert.Equal(ConsoleEnd.InputEnded, await running);
        Assert.Equal("hi\r\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Ctrl_close_bracket_detaches_interactively_and_is_not_sent()
    {
        var input = new MemoryStream([(byte)'a', (byte)'b', SerialConsolePump.DetachByte, (byte)'c']);
        var pump = new SerialConsolePump(_client, input, new MemoryStream(), interactive: true);
        var end = await pump.RunAsync(CancellationToken.None);
        Assert.Equal(ConsoleEnd.Detached, end);
        Assert.Equal("ab", await ServerReceiveAsync(2));
    }

    [Fact]
    public async Task From_a_pipe_the_detach_byte_is_just_data()
    {
        var input = new MemoryStream([(byte)'a', SerialConsolePump.DetachByte, (byte)'c']);
        var pump = new SerialConsolePump(_client, input, new MemoryStream(), interactive: false) { LingerQuiet = TimeSpan.FromMilliseconds(100) };
        var running = pump.RunAsync(CancellationToken.None);
        Assert.Equal("a\u001dc", await ServerReceiveAsync(3));
        Assert.Equal(ConsoleEnd.InputEnded, await running);
    }

    [Fact]
    public async Task Server_close_ends_the_session_while_stdin_is_still_open()
    {
        var output = new MemoryStream();
        var pump = new SerialConsolePump(_client, new NeverEndingStream(), output, interactive: true);
        var running = pump.RunAsync(CancellationToken.None);
        await _server.SendAsync("bye"u8.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        await _server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "guest stopped", CancellationToken.None);
        Assert.Equal(ConsoleEnd.SocketClosed, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("bye", Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>stdin of an idle terminal: a read that only ends when cancelled.</summary>
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
