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
        var text = new NftTableText(
            $"{network}: VLAN groups on {InterfaceName.Check(bridge)}, written by carved; replaced as a whole when guests' NICs change.",
            Family, TableName(network));
        var groups = ports.Where(p => p.Vlan is not null).GroupBy(p => p.Vlan!.Value).OrderBy(g => g.Key).ToList();
        text.Chain("forward", "type filter hook forward priority filter; policy accept;", groups.SelectMany(group =>
        {
            var set = Set(group);
            return new[]
            {
                $"iifname {set} oifname != {set} drop comment \"VLAN {group.Key}\"",
                $"oifname {set} iifname != {set} drop comment \"VLAN {group.Key}\"",
            };
        }));
        // The host's bridge address is in the native VLAN: tagged ports neither reach it nor hear from it.
        var tagged = ports.Where(p => p.Vlan is not null).ToList();
        text.Chain("input", "type filter hook input priority filter; policy accept;", tagged.Count > 0 ? [$"iifname {Set(tagged)} drop"] : []);
        text.Chain("output", "type filter hook output priority filter; policy accept;", tagged.Count > 0 ? [$"oifname {Set(tagged)} drop"] : []);
        return text.ToString();
    }

    private static string Set(IEnumerable<NetworkPort> ports) =>
        "{ " + string.Join(", ", ports.Select(p => $"\"{InterfaceName.Check(p.HostInterface)}\"").Order(StringComparer.Ordinal)) + " }";
}
