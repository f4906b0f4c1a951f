using System.Globalization;
using System.Text.RegularExpressions;
using Carve.Cli.Infrastructure;
using Carve.Contracts.Networks;
using Carve.Contracts.Vms;

namespace Carve.Cli.Specs;

/// <summary>--publish HOSTPORT:GUESTPORT[/tcp|udp]: forwarded to the guest's first NIC on a Carve network.</summary>
internal static partial class PublishSpecParser
{
    [GeneratedRegex(@"^(\d{1,5}):(\d{1,5})(?:/(tcp|udp))?\z")]
    private static partial Regex Pattern();

    public static PublishRequest Parse(string spec)
    {
        var match = Pattern().Match(spec);
        if (!match.Success)
            throw new UsageException($"Invalid --publish '{spec}': use HOSTPORT:GUESTPORT[/tcp|udp], e.g. 8080:80.");
        var host = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var guest = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (host is < 1 or > 65535 || guest is < 1 or > 65535)
            throw new UsageException($"Invalid --publish '{spec}': ports are 1 to 65535.");
        return new PublishRequest
        {
            HostPort = host, GuestPort = guest, Protocol = match.Groups[3].Success ? match.Groups[3].Value : "tcp",
        };
    }

    /// <summary>Puts the published ports on the first NIC that is on a Carve network.</summary>
    public static IReadOnlyList<NicRequest>? Apply(IReadOnlyList<NicRequest>? nics, IReadOnlyList<string>? specs)
    {
        if (specs is null || specs.Count == 0)
            return nics;
        var index = nics?.ToList().FindIndex(n => n.Network != "user") ?? -1;
        if (index < 0)
            throw new UsageException("--publish needs a --nic on a NAT network, e.g. --nic network=lab --publish 8080:80.");
        var list = nics!.ToList();
        list[index] = list[index] with { Publish = [.. specs.Select(Parse)] };
        return list;
    }
}
