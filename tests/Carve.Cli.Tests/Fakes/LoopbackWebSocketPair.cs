using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Carve.Cli.Tests.Fakes;

/// <summary>A real websocket pair over loopback TCP: code under test sees exactly what it sees against carved.</summary>
internal sealed class LoopbackWebSocketPair : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly TcpClient _clientSide;
    private readonly TcpClient _serverSide;

    private LoopbackWebSocketPair(TcpListener listener, TcpClient clientSide, TcpClient serverSide)
    {
        _listener = listener;
        _clientSide = clientSide;
        _serverSide = serverSide;
        Client = WebSocket.CreateFromStream(clientSide.GetStream(), isServer: false, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
        Server = WebSocket.CreateFromStream(serverSide.GetStream(), isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
    }

    public WebSocket Client { get; }

    public WebSocket Server { get; }

    public static async Task<LoopbackWebSocketPair> OpenAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var clientSide = new TcpClient();
        var accept = listener.AcceptTcpClientAsync();
        await clientSide.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new LoopbackWebSocketPair(listener, clientSide, await accept);
    }

    /// <summary>Closes the server's end of the TCP connection, as a web server does after the close handshake.</summary>
    public void DropServerConnection() => _serverSide.Close();

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Server.Dispose();
        _clientSide.Dispose();
        _serverSide.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
