using System.Globalization;
using Carve.Core.Networks;
using Carve.Host.Net;

namespace Carve.Network.Nft;

/// <summary>
/// The nftables ruleset of one NAT network, in a table of its own (inet carve_NAME), loaded with `nft -f` as one
/// transaction that replaces the table. Pure, with golden tests.
/// Masquerade for traffic leaving the subnet; DNAT for published ports; and a forward chain that lets nothing new
/// into the bridge except published ports, so guests of other networks cannot reach this one.
/// </summary>
public static class NatRulesetBuilder
{
    public const string Family = "inet";

    public static string TableName(string network) => "carve_" + network.Replace('-', '_');

    public static string Build(NatRulesetSpec spec)
    {
        var bridge = InterfaceName.Check(spec.Bridge);
        var subnet = spec.Subnet.ToString();
        var dnat = spec.Forwards.Select(f => Dnat(f, spec.Subnet)).ToList();
        var text = new NftTableText(
            $"{spec.Network}: written by carved; replaced as a whole whenever the network or its guests change.", Family, TableName(spec.Network));
        text.Chain("prerouting", "type nat hook prerouting priority dstnat; policy accept;", dnat);
        text.Chain("output", "type nat hook output priority -100; policy accept;", dnat);
        text.Chain("postrouting", "type nat hook postrouting priority srcnat; policy accept;", [$"ip saddr {subnet} ip daddr != {subnet} masquerade"]);
        text.Chain("forward", "type filter hook forward priority filter; policy accept;",
        [
            // Guests of one network talk freely; br_netfilter hands their bridged frames to this hook as bridge to bridge.
            $"iifname \"{bridge}\" oifname \"{bridge}\" accept",
            $"oifname \"{bridge}\" ct state established,related accept",
            $"oifname \"{bridge}\" ct status dnat accept",
            $"oifname \"{bridge}\" drop",
        ]);
        return text.ToString();
    }

    private static string Dnat(PortForward f, Ipv4Subnet subnet)
    {
        if (f.Protocol is not ("tcp" or "udp"))
            throw new ArgumentException($"Unknown protocol '{f.Protocol}'.", nameof(f));
        if (f.HostPort is < 1 or > 65535 || f.GuestPort is < 1 or > 65535)
            throw new ArgumentException($"Port out of range in {f}.", nameof(f));
        if (Ipv4Subnet.TryParseAddress(f.GuestIp) is not { } ip || !subnet.Contains(ip))
            throw new ArgumentException($"{f.GuestIp} is outside {subnet}.", nameof(f));
        return string.Create(CultureInfo.InvariantCulture,
            $"fib daddr type local {f.Protocol} dport {f.HostPort} dnat ip to {Ipv4Subnet.Format(ip)}:{f.GuestPort}");
    }
}
