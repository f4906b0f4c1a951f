using System.Globalization;
using System.Text;
using Carve.Core.Networks;
using Carve.Host.Net;

namespace Carve.Network.Dnsmasq;

/// <summary>
/// dnsmasq's config for one NAT network. Pure, with golden tests. It binds to the network's bridge alone
/// (bind-interfaces, lo excluded), so DHCP and DNS never answer on an uplink or another network.
/// </summary>
public static class DnsmasqConfigBuilder
{
    public static string Build(DnsmasqSpec spec)
    {
        var s = spec.Subnet;
        var text = new StringBuilder();
        void Set(string line) => text.Append(line).Append('\n');
        Set($"# {spec.Network}: written by carved whenever the network or its guests change; edits are lost.");
        Set("interface=" + InterfaceName.Check(spec.Bridge));
        Set("except-interface=lo");
        Set("bind-interfaces");
        Set("listen-address=" + s.Gateway);
        Set("domain-needed");
        Set("bogus-priv");
        Set("no-hosts");
        Set("dhcp-authoritative");
        Set("dhcp-no-override");
        Set($"dhcp-range={Ipv4Subnet.Format(s.FirstGuest)},{Ipv4Subnet.Format(s.LastGuest)},{Ipv4Subnet.Format(s.Mask)},{spec.LeaseTime}");
        Set("dhcp-option=option:router," + s.Gateway);
        Set("dhcp-option=option:dns-server," + s.Gateway);
        Set("dhcp-leasefile=" + PathValue(spec.LeaseFile));
        Set("pid-file=" + PathValue(spec.PidFile));
        foreach (var r in spec.Reservations.OrderBy(r => Ipv4Subnet.TryParseAddress(r.Ip)))
        {
            if (Ipv4Subnet.TryParseAddress(r.Ip) is not { } ip || !s.Contains(ip))
                throw new ArgumentException($"The reservation {r.Ip} is outside {s}.", nameof(spec));
            Set(string.Create(CultureInfo.InvariantCulture, $"dhcp-host={Mac(r.Mac)},{r.Ip},{Hostname(r.Hostname)}"));
        }
        return text.ToString();
    }

    private static string PathValue(string path) =>
        path.StartsWith('/') && !path.Any(c => char.IsControl(c) || c == ',')
            ? path
            : throw new ArgumentException($"'{path}' cannot go into a dnsmasq config.", nameof(path));

    private static string Mac(string mac) =>
        mac.Length == 17 && mac.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c) || c == ':')
            ? mac
            : throw new ArgumentException($"'{mac}' is not a lowercase MAC address.", nameof(mac));

    private static string Hostname(string name) =>
        name.Length is > 0 and <= 63 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? name
            : throw new ArgumentException($"'{name}' is not a guest name.", nameof(name));
}
