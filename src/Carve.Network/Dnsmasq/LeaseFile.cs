using System.Globalization;
using Carve.Core.Networks;

namespace Carve.Network.Dnsmasq;

/// <summary>dnsmasq's lease file: one lease a line, "EXPIRY MAC IP HOSTNAME CLIENT-ID", expiry in Unix seconds (0: never).</summary>
public static class LeaseFile
{
    public static IReadOnlyList<NetworkLease> Parse(string text)
    {
        var leases = new List<NetworkLease>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // IPv6 leases and the duid line have other shapes; a torn last line is skipped too.
            if (f.Length < 4 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
                || Ipv4Subnet.TryParseAddress(f[2]) is null || f[1].Length != 17)
                continue;
            leases.Add(new NetworkLease(
                f[1].ToLowerInvariant(), f[2], f[3] == "*" ? null : f[3],
                expiry == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(expiry)));
        }
        return leases;
    }

    public static IReadOnlyList<NetworkLease> Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }
}
