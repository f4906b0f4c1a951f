using System.Net.Http.Headers;
using System.Text.Json;
using Carve.Client.Connection;
using Carve.Client.Errors;
using Carve.Client.Http;
using Carve.Contracts;

namespace Carve.Client;

/// <summary>A thin typed client of carved's REST API: one method per endpoint, errors as <see cref="CarveException"/>.</summary>
public sealed partial class CarveClient : IDisposable
{
    private const string ApiBase = "api/v1/";

    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly HttpClient _http;
    private string? _csrfToken;

    public CarveClient(CarveConnection connection)
        : this(connection, CarveHttpHandlerFactory.Create(connection), ownsHandler: true)
    {
    }

    /// <summary>For tests and embedding: the handler carries every request and is not disposed here.</summary>
    public CarveClient(CarveConnection connection, HttpMessageHandler handler)
        : this(connection, handler, ownsHandler: false)
    {
    }

    private CarveClient(CarveConnection connection, HttpMessageHandler handler, bool ownsHandler)
    {
        Connection = connection;
        _handler = handler;
        _ownsHandler = ownsHandler;
        // Waits and event streams run as long as the task does; callers cancel through their token.
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = connection.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        if (connection.Token is { } token)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public CarveConnection Connection { get; }

    public void Dispose()
    {
        _http.Dispose();
        if (_ownsHandler)
            _handler.Dispose();
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    private async Task<T> GetJsonAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, ct);
        return await ReadJsonAsync<T>(response, ct);
    }

    private async Task<TResult> SendJsonAsync<TBody, TResult>(HttpMethod method, string path, TBody body, CancellationToken ct)
    {
        using var response = await SendJsonBodyAsync(method, path, body, ct);
        return await ReadJsonAsync<TResult>(response, ct);
    }

    /// <summary>Sends a JSON body; the caller disposes the answer (whose body it may not need).</summary>
    private async Task<HttpResponseMessage> SendJsonBodyAsync<TBody>(HttpMethod method, string path, TBody body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, CarveJson.TypeInfo<TBody>()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await SendAsync(method, path, content, ct);
    }

    private async Task<TResult> SendEmptyAsync<TResult>(HttpMethod method, string path, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, null, ct);
        return await ReadJsonAsync<TResult>(response, ct);
    }

    /// <summary>Sends a request; a non-2xx answer becomes a <see cref="CarveApiException"/>, a transport failure a <see cref="CarveConnectionException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        HttpContent? content,
        CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, ApiBase + path) { Content = content };
        if (_csrfToken is not null && method != HttpMethod.Get)
            request.Headers.Add("X-CSRF-Token", _csrfToken);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException e)
        {
            throw ConnectionErrors.Describe(Connection, e);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ProblemMapper.ToExceptionAsync(response, ct);
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            // The body is already buffered: parsing it in one go is cheaper to start than the streaming reader.
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return JsonSerializer.Deserialize(body, CarveJson.TypeInfo<T>())
                ?? throw new CarveProtocolException($"carved sent an empty answer to {response.RequestMessage?.RequestUri?.AbsolutePath}.");
        }
        catch (JsonException e)
        {
            throw new CarveProtocolException($"carved sent an answer this client cannot read ({e.Message}); are the CLI and daemon the same version?", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw ConnectionErrors.Describe(Connection, e);
        }
    }
}
