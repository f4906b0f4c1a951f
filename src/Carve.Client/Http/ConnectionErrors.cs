using System.Net.Sockets;
using System.Security.Authentication;
using Carve.Client.Connection;
using Carve.Client.Errors;

namespace Carve.Client.Http;

/// <summary>Turns a transport failure into one sentence that says where carved was looked for.</summary>
internal static class ConnectionErrors
{
    public static CarveConnectionException Describe(CarveConnection connection, Exception error)
    {
        var where = connection.Describe();
        if (Find<SocketException>(error) is { } socket)
        {
            return socket.SocketErrorCode == SocketError.AccessDenied
                ? new CarveConnectionException($"Cannot reach carved at {where}: permission denied (the socket is for root; use sudo or --url).", error)
                : new CarveConnectionException($"Cannot reach carved at {where}: is it running? ({Reason(connection, socket)})", error);
        }
        if (Find<AuthenticationException>(error) is { } tls)
            return new CarveConnectionException($"Cannot trust the certificate of {where} ({tls.Message}); pass --insecure or --ca-cert FILE for carved's self-signed certificate.", error);
        if (Find<IOException>(error) is not null)
            return new CarveConnectionException($"The connection to carved at {where} broke: {Innermost(error).Message}", error);
        return new CarveConnectionException($"Cannot reach carved at {where}: {Innermost(error).Message}", error);
    }

    /// <summary>.NET reports a missing unix socket file (ENOENT) as "Cannot assign requested address".</summary>
    private static string Reason(CarveConnection connection, SocketException socket) =>
        connection.IsUnixSocket && socket.SocketErrorCode == SocketError.AddressNotAvailable ? "No such file or directory" : socket.Message;

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T match)
                return match;
        }
        return null;
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
            error = error.InnerException;
        return error;
    }
}
