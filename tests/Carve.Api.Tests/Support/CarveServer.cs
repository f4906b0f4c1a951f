using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Carve.Api;
using Carve.Api.OpenApi;
using Carve.Core.Configuration;
using Carve.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Api.Tests.Support;

/// <summary>
/// The whole daemon, started in-process on its own dirs, with clients for its two doors:
/// the trusted unix socket and HTTPS on a free loopback port.
/// </summary>
public sealed class CarveServer : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private CarveServer(ServerDirs dirs, WebApplication app)
    {
        Dirs = dirs;
        App = app;
        var https = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single(a => a.StartsWith("https://", StringComparison.Ordinal));
        HttpsBase = new Uri(https.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        Socket = Track(new HttpClient(SocketHandler(dirs.Socket)) { BaseAddress = new Uri("http://carved/") });
    }

    public ServerDirs Dirs { get; }
    /// <summary>The SHA-1 hash of the daemon's self-signed certificate, for clients that pin it.</summary>
    public string CertificateHash
    {
        get
        {
            // Read each time: a test may replace the certificate through the API.
            var bundle = X509CertificateLoader.LoadPkcs12CollectionFromFile(Path.Combine(Dirs.Data, "tls", "carved.pfx"), null);
            return bundle.First(c => c.HasPrivateKey).GetCertHashString();
        }
    }
    public WebApplication App { get; }
    public Uri HttpsBase { get; }

    /// <summary>Over the unix socket: trusted as local root, no token.</summary>
    public HttpClient Socket { get; }

    /// <param name="extraEndpoints">Test-only endpoints mapped besides the API's.</param>
    /// <summary>Starts on dirs of its own, which go when the server is disposed (or at once, if it does not start).</summary>
    public static async Task<CarveServer> StartOnNewDirsAsync(Action<IEndpointRouteBuilder>? extraEndpoints = null, LoginOptions? login = null, MetricsOptions? metrics = null)
    {
        var dirs = new ServerDirs();
        try
        {
            return await StartAsync(dirs, extraEndpoints, login, metrics);
        }
        catch
        {
            dirs.Dispose();
            throw;
        }
    }

    /// <param name="login">Login throttling other than the embedded defaults.</param>
    /// <param name="metrics">Who may scrape /metrics, other than the embedded default.</param>
    public static async Task<CarveServer> StartAsync(ServerDirs dirs, Action<IEndpointRouteBuilder>? extraEndpoints = null, LoginOptions? login = null, MetricsOptions? metrics = null)
    {
        var options = new CarveOptions
        {
            DataDir = dirs.Data,
            RunDir = dirs.Run,
            Listen = "127.0.0.1:0",
            ImageRoots = [dirs.Images],
            Login = login ?? new LoginOptions(),
            Metrics = metrics ?? new MetricsOptions(),
        };
        // The OpenAPI generator too, which carved does not link, so that tests can compare its document with the served one.
        var app = await CarveDaemon.StartAsync(
            options,
            extraServices: services => services.AddCarveOpenApiGenerator(),
            extraEndpoints: endpoints =>
            {
                endpoints.MapCarveOpenApiGenerator();
                extraEndpoints?.Invoke(endpoints);
            });
        try
        {
            return new CarveServer(dirs, app);
        }
        catch
        {
            await app.StopAsync();
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client over HTTPS that trusts only this daemon's own certificate; it keeps no cookies.</summary>
    public HttpClient Https(string? bearer = null)
    {
        var handler = new SocketsHttpHandler { UseCookies = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate?.GetCertHashString() == CertificateHash;
        var client = new HttpClient(handler) { BaseAddress = HttpsBase };
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return Track(client);
    }

    public async Task StopAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Dirs.Dispose();
    }

    private HttpClient Track(HttpClient client)
    {
        client.Timeout = TimeSpan.FromSeconds(90);
        _clients.Add(client);
        return client;
    }

    private static SocketsHttpHandler SocketHandler(string path) => new()
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
