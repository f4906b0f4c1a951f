using System.Net.Sockets;
using System.Text;

namespace Carve.Cli.Tests.Fakes;

/// <summary>
/// A minimal HTTP/1.1 server on loopback playing carved's REST API for the real `carve` executable: it answers each
/// request from a function and records the method, path (with query) and body.
/// </summary>
internal sealed class FakeRestServer : LoopbackServer
{
    private readonly Func<string, string, (int Status, string Json)> _respond;

    /// <param name="respond">From the method and path, the status and JSON body of the answer.</param>
    public FakeRestServer(Func<string, string, (int Status, string Json)> respond)
    {
        _respond = respond;
        Start();
    }

    public string Url => $"http://127.0.0.1:{Port}";

    public List<(string Method, string Path, string Body)> Requests { get; } = [];

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            var requestLine = (await reader.ReadLineAsync())?.Split(' ') ?? [];
            if (requestLine.Length < 2)
                return;
            var length = 0;
            while (await reader.ReadLineAsync() is { Length: > 0 } header)
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    length = int.Parse(header[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            var body = new char[length];
            var read = 0;
            while (read < length && await reader.ReadAsync(body.AsMemory(read, length - read)) is > 0 and var n)
                read += n;
            var (method, path) = (requestLine[0], requestLine[1]);
            lock (Requests)
                Requests.Add((method, path, new string(body, 0, read)));
            var (status, json) = _respond(method, path);
            var bytes = Encoding.UTF8.GetBytes(json);
            var type = status >= 400 ? "application/problem+json" : "application/json";
            var head = $"HTTP/1.1 {status} X\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
        }
    }
}
