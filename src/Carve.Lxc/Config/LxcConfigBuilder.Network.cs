using System.Globalization;
using Carve.Host.Net;

namespace Carve.Lxc.Config;

public static partial class LxcConfigBuilder
{
    /// <summary>veth NICs, or the empty network (loopback only) when there are none.</summary>
    private static void Network(Writer w, LxcConfigSpec spec)
    {
        if (spec.Nics.Count == 0)
        {
            w.Set("lxc.net.0.type", "empty");
            return;
        }
        foreach (var nic in spec.Nics)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"lxc.net.{nic.Index}.");
            w.Set(key + "type", "veth");
            w.Set(key + "link", Checked(nic.Bridge));
            w.Set(key + "veth.pair", Checked(nic.HostName));
            w.Set(key + "name", string.Create(CultureInfo.InvariantCulture, $"eth{nic.Index}"));
            w.Set(key + "hwaddr", Mac(nic.Mac));
            w.Set(key + "flags", "up");
            if (nic.Vlan is { } vlan)
                w.Set(key + "veth.vlan.id", vlan is >= 1 and <= 4094
                    ? vlan.ToString(CultureInfo.InvariantCulture)
                    : throw new ArgumentException($"VLAN {vlan} is out of range.", nameof(spec)));
        }
    }

    private static string Checked(string name) =>
        InterfaceName.IsValid(name) ? name : throw new ArgumentException($"'{name}' is not a valid interface name.", nameof(name));

    private static string Mac(string mac) =>
        MacPattern().IsMatch(mac) ? mac : throw new ArgumentException($"'{mac}' is not a MAC address.", nameof(mac));

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}\\z")]
    private static partial System.Text.RegularExpressions.Regex MacPattern();
}
