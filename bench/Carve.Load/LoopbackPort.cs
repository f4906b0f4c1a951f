using System.Net;
using System.Net.Sockets;

namespace Carve.Load;

public static class LoopbackPort
{
    /// <summary>A TCP port free on 127.0.0.1 a moment ago, for carved's --listen.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
