using System.Globalization;
using System.Net;

namespace Carve.Daemon;

public static class ListenAddress
{
    /// <summary>"0.0.0.0:8006", "[::]:8006", "127.0.0.1:0", or null for "none".</summary>
    public static IPEndPoint? Parse(string text)
    {
        if (text == "none")
            return null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !IPAddress.TryParse(text[..colon].Trim('[', ']'), out var ip)
            || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new ArgumentException($"--listen takes HOST:PORT (an IP address and a port) or none, not '{text}'.");
        return new IPEndPoint(ip, port);
    }
}
