using System.Net;
using System.Net.WebSockets;
using Carve.Client.Errors;
using Carve.Client.Http;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>
    /// Opens a websocket to <paramref name="path"/> through the same handler as REST calls, so it works over the unix
    /// socket too. A refused upgrade becomes carved's own problem sentence; <paramref name="what"/> names the
    /// connection in the fallback sentence ("console", "exec").
    /// </summary>
    private async Task<WebSocket> ConnectWebSocketAsync(string path, string what, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version11;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        socket.Options.CollectHttpResponseDetails = true;
        // The invoker does not see HttpClient's default headers, so the token is set here.
        if (Connection.Token is { } token)
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        if (_csrfToken is not null)
            socket.Options.SetRequestHeader("X-CSRF-Token", _csrfToken);
        using var invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
        try
        {
            await socket.ConnectAsync(WebSocketUri(path), invoker, ct);
            return socket;
        }
        catch (WebSocketException) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw await ExplainRefusalAsync(path, ct)
                ?? new CarveApiException((int)status, $"carved refused the {what} connection ({(int)status} {status}).");
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
        {
            socket.Dispose();
            throw ConnectionErrors.Describe(Connection, e);
        }
    }

    /// <summary>
    /// ClientWebSocket keeps only the status of a refused upgrade, so the same upgrade request is sent
    /// once more as plain HTTP to read carved's problem sentence (e.g. that the guest is not running).
    /// </summary>
    private async Task<CarveApiException?> ExplainRefusalAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiBase + path) { Version = HttpVersion.Version11 };
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.SwitchingProtocols
                ? null
                : await ProblemMapper.ToExceptionAsync(response, ct);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private Uri WebSocketUri(string path)
    {
        var builder = new UriBuilder(new Uri(Connection.BaseAddress, ApiBase + path));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }
}
