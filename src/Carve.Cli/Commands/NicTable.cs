using Carve.Cli.Output;
using Carve.Contracts.Vms;

namespace Carve.Cli.Commands;

/// <summary>The NICs section of `vm show` and `ct show`.</summary>
internal static class NicTable
{
    public static void Write(TextWriter output, IReadOnlyList<NicView> nics)
    {
        output.WriteLine();
        output.WriteLine("NICs:");
        var table = new TextTable("NAME", "NETWORK", "MODEL", "MAC", "VLAN", "IP", "PUBLISH", "HOST IF");
        foreach (var nic in nics)
            table.Add(nic.Name, nic.Network, nic.Model, nic.Mac, nic.Vlan?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                nic.Ip, string.Join(" ", nic.Publish), nic.HostInterface);
        table.Write(output, "  ", "(none)");
    }
}
