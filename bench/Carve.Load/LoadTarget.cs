using Carve.Client;
using Carve.Client.Connection;
using Carve.Contracts.Auth;

namespace Carve.Load;

/// <summary>
/// A running carved to load: its unix socket for set-up and the final checks, its HTTPS address for the clients,
/// its pid for RSS and its data dir for what is left on disk.
/// </summary>
public sealed record LoadTarget(string Socket, Uri Url, int Pid, string DataDir)
{
    /// <summary>
    /// Makes an admin token through the socket (starting and stopping guests is admin-only) and returns a factory of
    /// HTTPS clients with it, each with its own connections, as separate API clients would have.
    /// </summary>
    public async Task<Func<CarveClient>> HttpsClientsAsync(CancellationToken ct)
    {
        using var local = SocketClient();
        var token = await local.CreateTokenAsync(new CreateTokenRequest { Name = "load", Role = "admin" }, ct);
        // carved's own self-signed certificate, on loopback: nothing to verify it against, and nothing to protect.
        return () => new CarveClient(CarveConnection.ForUrl(Url, token.Secret, insecure: true));
    }

    public CarveClient SocketClient() => new(CarveConnection.ForSocket(Socket));
}
