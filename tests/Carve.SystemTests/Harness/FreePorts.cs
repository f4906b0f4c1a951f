using System.Net;
using System.Net.Sockets;

namespace Carve.SystemTests.Harness;

public static class FreePorts
{
    /// <summary>A loopback TCP port nothing listens on now (the kernel's pick).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
