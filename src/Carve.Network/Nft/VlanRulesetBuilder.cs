using System.Text;
using Carve.Core.Networks;
using Carve.Host.Net;

namespace Carve.Network.Nft;

/// <summary>
/// VLANs as isolation groups, for kernels built without bridge VLAN filtering: a bridge-family table lets a port
/// with VLAN N exchange frames only with the other ports of VLAN N, and keeps it away from the host's own bridge
/// address. Untagged ports and the uplink are the native group. Pure, with golden tests.
/// </summary>
public static class VlanRulesetBuilder
{
    public const string Family = "bridge";

    public static string TableName(string network) => "carve_vlan_" + network.Replace('-', '_');

    public static string Build(string network, string bridge, IReadOnlyList<NetworkPort> ports)
    {
        var table = TableName(network);
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line($"# {network}: VLAN groups on {InterfaceName.Check(bridge)}, written by carved; replaced as a whole when guests' NICs change.");
        Line($"table {Family} {table}");
        Line($"delete table {Family} {table}");
        Line($"table {Family} {table} {{");
        var groups = ports.Where(p => p.Vlan is not null).GroupBy(p => p.Vlan!.Value).OrderBy(g => g.Key).ToList();
        Line("\tchain forward {");
        Line("\t\ttype filter hook forward priority filter; policy accept;");
        foreach (var group in groups)
        {
            var set = Set(group);
            Line($"\t\tiifname {set} oifname != {set} drop comment \"VLAN {group.Key}\"");
            Line($"\t\toifname {set} iifname != {set} drop comment \"VLAN {group.Key}\"");
        }
        Line("\t}");
        // The host's bridge address is in the native VLAN: tagged ports neither reach it nor hear from it.
        var tagged = ports.Where(p => p.Vlan is not null).ToList();
        Line("\tchain input {");
        Line("\t\ttype filter hook input priority filter; policy accept;");
        if (tagged.Count > 0)
            Line($"\t\tiifname {Set(tagged)} drop");
        Line("\t}");
        Line("\tchain output {");
        Line("\t\ttype filter hook output priority filter; policy accept;");
        if (tagged.Count > 0)
            Line($"\t\toifname {Set(tagged)} drop");
        Line("\t}");
        Line("}");
        return text.ToString();
    }

    private static string Set(IEnumerable<NetworkPort> ports) =>
        "{ " + string.Join(", ", ports.Select(p => $"\"{InterfaceName.Check(p.HostInterface)}\"").Order(StringComparer.Ordinal)) + " }";
}
