using Carve.Core.Configuration;

namespace Carve.Network;

/// <summary>A network's files under DATA/networks/NAME: dnsmasq's config, leases and pid, and the nft ruleset.</summary>
public sealed record NetworkPaths(string Dir)
{
    public static NetworkPaths For(CarveOptions options, string network) => new(Path.Combine(options.DataDir, "networks", network));

    public string DnsmasqConfig => Path.Combine(Dir, "dnsmasq.conf");
    public string Leases => Path.Combine(Dir, "dnsmasq.leases");
    public string DnsmasqPid => Path.Combine(Dir, "dnsmasq.pid");
    public string Ruleset => Path.Combine(Dir, "nftables.rules");
    public string Scratch => Path.Combine(Dir, "nftables.scratch");
}
