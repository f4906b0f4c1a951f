using Carve.Cli.Infrastructure;
using Carve.Contracts.Vms;

namespace Carve.Cli.Specs;

/// <summary>--hostpci ADDR[,rombar=on|off][,primary-gpu] and --hostusb VENDOR:PRODUCT|BUS-PORT; "none" clears on vm set.</summary>
internal static class HostDeviceSpecParser
{
    public const string None = "none";

    /// <summary>Null when the option was not given; empty for "none".</summary>
    public static IReadOnlyList<HostPciSpec>? ParseAllPci(IReadOnlyList<string>? specs) =>
        NoneOrAll("--hostpci", specs, ParsePci);

    public static IReadOnlyList<string>? ParseAllUsb(IReadOnlyList<string>? specs) => NoneOrAll("--hostusb", specs, s => s);

    public static HostPciSpec ParsePci(string spec)
    {
        var parts = spec.Split(',');
        if (parts[0].Length == 0 || parts[0].Contains('=', StringComparison.Ordinal))
            throw new UsageException($"Invalid --hostpci '{spec}': start with the PCI address, e.g. 0000:01:00.0 (see `carve host pci`).");
        var pci = new HostPciSpec { Address = parts[0] };
        foreach (var option in parts.Skip(1))
        {
            pci = option switch
            {
                "primary-gpu" when !pci.PrimaryGpu => pci with { PrimaryGpu = true },
                "rombar=on" when pci.RomBar is null => pci with { RomBar = true },
                "rombar=off" when pci.RomBar is null => pci with { RomBar = false },
                _ => throw new UsageException($"Invalid --hostpci '{spec}': '{option}' is not rombar=on, rombar=off or primary-gpu (each at most once)."),
            };
        }
        return pci;
    }

    private static IReadOnlyList<T>? NoneOrAll<T>(string option, IReadOnlyList<string>? specs, Func<string, T> parse)
    {
        if (specs is null || specs.Count == 0)
            return null;
        if (specs.Contains(None))
            return specs.Count == 1 ? [] : throw new UsageException($"{option} none cannot be combined with devices.");
        return [.. specs.Select(parse)];
    }
}
