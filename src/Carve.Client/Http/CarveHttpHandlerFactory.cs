using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Carve.Client.Connection;
using Carve.Client.Errors;

namespace Carve.Client.Http;

/// <summary>Builds the one handler that carries both REST calls and console websockets.</summary>
public static class CarveHttpHandlerFactory
{
    public static SocketsHttpHandler Create(CarveConnection connection)
    {
        var handler = new SocketsHttpHandler
        {
            // Cookies hold a session after LoginAsync; bearer tokens do not need them.
            UseCookies = true,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        if (connection.SocketPath is { } path)
            handler.ConnectCallback = (_, ct) => ConnectUnixAsync(path, ct);
        else if (connection.Insecure)
        {
            // --insecure asks for exactly this: carved's first-start certificate is self-signed.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (connection.PinnedCertificatePath is { } pinnedPath)
        {
            var pinned = LoadPinned(pinnedPath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned));
        }
        return handler;
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken ct)
    {
        Socket? socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            var stream = new NetworkStream(socket, ownsSocket: true);
            socket = null; // the stream owns it now
            return stream;
        }
        finally
        {
            socket?.Dispose();
        }
    }

    private static byte[] LoadPinned(string path)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificateFromFile(path);
            return certificate.RawData;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new CarveConfigurationException($"Cannot read the pinned certificate {path}: {e.Message}");
        }
    }
}
