using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Carve.Qemu.Tests.Qmp;

/// <summary>The QEMU side of one scripted QMP conversation.</summary>
internal sealed class FakeQmpPeer : IDisposable
{
    public const string Greeting =
        """{"QMP": {"version": {"qemu": {"micro": 22, "minor": 2, "major": 7}, "package": "Debian 1:7.2+dfsg-7+deb12u18+b3"}, "capabilities": ["oob"]}}""";

    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly NetworkStream _stream;

    public FakeQmpPeer(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    /// <summary>Greeting, then the capabilities negotiation every client must do first.</summary>
    public async Task HandshakeAsync()
    {
        await SendAsync(Greeting);
        var request = await ExpectAsync("qmp_capabilities");
        await ReplyAsync(request, "{}");
    }

    /// <summary>Writes one message the way QEMU does: one line, CRLF.</summary>
    public async Task SendAsync(string json)
    {
        // Parsing also proves the transcript itself is valid JSON; re-serializing makes it one line.
        using var doc = JsonDocument.Parse(json);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc.RootElement) + "\r\n"));
    }

    public async Task<JsonElement> ReceiveAsync()
    {
        var line = await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10))
            ?? throw new EndOfStreamException("the client closed the QMP connection");
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.Clone();
    }

    public async Task<JsonElement> ExpectAsync(string command)
    {
        var request = await ReceiveAsync();
        Assert.Equal(command, request.GetProperty("execute").GetString());
        Assert.True(request.TryGetProperty("id", out _), $"{command} was sent without an id");
        return request;
    }

    public Task ReplyAsync(JsonElement request, string returnJson) =>
        SendAsync($$"""{"return": {{returnJson}}, "id": {{request.GetProperty("id").GetRawText()}}}""");

    public Task ErrorAsync(JsonElement request, string errorClass, string description) =>
        SendAsync($$"""{"error": {"class": {{JsonSerializer.Serialize(errorClass)}}, "desc": {{JsonSerializer.Serialize(description)}}}, "id": {{request.GetProperty("id").GetRawText()}}}""");

    public Task EventAsync(string name, string? dataJson = null) =>
        SendAsync($$"""{"timestamp": {"seconds": 1700000000, "microseconds": 250000}, "event": "{{name}}"{{(dataJson is null ? "" : $", \"data\": {dataJson}")}}}""");

    /// <summary>Drops the connection, as a crashing QEMU would.</summary>
    public void Close() => _socket.Close();

    /// <summary>Frees the reader and stream; the socket is the server's, and stays open as a live QEMU's would.</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
