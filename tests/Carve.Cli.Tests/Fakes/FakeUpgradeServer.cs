using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Carve.Cli.Tests.Fakes;

/// <summary>
/// A minimal HTTP/1.1 server on loopback that either accepts websocket upgrades and hands the socket to a function,
/// or refuses every request with a problem+json answer, the way carved does.
/// </summary>
internal sealed class FakeUpgradeServer : LoopbackServer
{
    private readonly Func<WebSocket, Task>? _accept;
    private readonly (int Status, string Json)? _refusal;

    private FakeUpgradeServer(Func<WebSocket, Task>? accept, (int, string)? refusal)
    {
        _accept = accept;
        _refusal = refusal;
        Start();
    }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Each request's head: the request line and headers.</summary>
    public List<string> Requests { get; } = [];

    public static FakeUpgradeServer Accepting(Func<WebSocket, Task> accept) => new(accept, null);

    public static FakeUpgradeServer Refusing(int status, string problemJson) => new(null, (status, problemJson));

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            lock (Requests)
                Requests.Add(head);
            if (_refusal is { } refusal)
            {
                var body = Encoding.UTF8.GetBytes(refusal.Json);
                await WriteAsync(stream, $"HTTP/1.1 {refusal.Status} Refused\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(body);
                return;
            }
            var key = head.Split("\r\n").First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
#pragma warning disable CA5350 // RFC 6455 defines the accept key with SHA-1.
            var acceptKey = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            await WriteAsync(stream, $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {acceptKey}\r\n\r\n");
            using var socket = WebSocket.CreateFromStream(stream, isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
            await _accept!(socket);
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        // Byte by byte, so nothing after the head is consumed.
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
                break;
            head.Add(one[0]);
        }
        return Encoding.ASCII.GetString([.. head]);
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
