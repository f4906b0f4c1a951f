using System.Text.RegularExpressions;
using static Carve.Qemu.Launch.QemuOptions;

namespace Carve.Qemu.Launch;

public static partial class QemuArgvBuilder
{
    private const string TapPrefix = "tap:";

    private static void AddNetwork(List<string> argv, QemuLaunchSpec spec)
    {
        foreach (var nic in spec.Nics)
        {
            if (!MacPattern().IsMatch(nic.Mac))
                throw new ArgumentException($"NIC '{nic.Id}' has an invalid MAC address '{nic.Mac}'.", nameof(spec));
            argv.AddRange(["-netdev", Backend(nic)]);
            var model = nic.Model switch
            {
                "virtio" => "virtio-net-pci",
                "e1000" => "e1000",
                _ => throw new ArgumentException($"NIC '{nic.Id}' has unknown model '{nic.Model}' (virtio, e1000).", nameof(spec)),
            };
            argv.AddRange(["-device", $"{model},netdev={nic.Id},mac={nic.Mac.ToLowerInvariant()},id={nic.Id}"]);
        }
    }

    private static string Backend(QemuNic nic)
    {
        if (nic.Backend == "user")
            return $"user,id={nic.Id}";
        if (nic.Backend.StartsWith(TapPrefix, StringComparison.Ordinal))
        {
            var ifname = nic.Backend[TapPrefix.Length..];
            if (!InterfacePattern().IsMatch(ifname))
                throw new ArgumentException($"NIC '{nic.Id}' names an invalid tap interface '{ifname}'.", nameof(nic));
            // carved creates and plugs the tap device itself; QEMU must not run helper scripts.
            return $"tap,id={nic.Id},ifname={Escape(ifname, "tap interface")},script=no,downscript=no";
        }
        throw new ArgumentException($"NIC '{nic.Id}' has unknown backend '{nic.Backend}' (user, tap:IFNAME).", nameof(nic));
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacPattern();

    // Linux interface names: at most 15 bytes, no '/', no whitespace; kept to a safe subset.
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,15}$")]
    private static partial Regex InterfacePattern();
}
