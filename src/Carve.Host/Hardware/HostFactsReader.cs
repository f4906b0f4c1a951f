using System.Globalization;
using Carve.Host.Sysfs;

namespace Carve.Host.Hardware;

/// <summary>Reads <see cref="HostFacts"/> through <see cref="HostFs"/>; never writes.</summary>
public sealed partial class HostFactsReader(HostFs fs)
{
    private static readonly string[] VfioModuleNames = ["vfio", "vfio_pci", "vfio_iommu_type1"];

    public HostFacts Read()
    {
        var cpuinfo = fs.Read("proc/cpuinfo") ?? "";
        var kvmModule = new[] { "kvm_intel", "kvm_amd" }.FirstOrDefault(m => fs.Exists($"sys/module/{m}"));
        var route = DefaultRouteInterface();
        var rootDevices = RootBlockDevices();
        return new HostFacts
        {
            CpuVendor = CpuInfoField(cpuinfo, "vendor_id") ?? "unknown",
            CpuFlags = (CpuInfoField(cpuinfo, "flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            CpuCount = cpuinfo.Split('\n').Count(l => l.StartsWith("processor", StringComparison.Ordinal)),
            KernelCmdline = (fs.Read("proc/cmdline") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            KvmDevice = fs.Exists("dev/kvm"),
            DmarTable = fs.Exists("sys/firmware/acpi/tables/DMAR"),
            IvrsTable = fs.Exists("sys/firmware/acpi/tables/IVRS"),
            IommuGroupCount = fs.List("sys/kernel/iommu_groups").Count(g => g.All(char.IsAsciiDigit)),
            InterruptRemapping = InterruptRemapping(),
            UnsafeInterruptsAllowed = fs.Read("sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts") is "Y" or "1",
            VfioModules = VfioModuleNames.Where(m => fs.Exists($"sys/module/{m}")).ToHashSet(StringComparer.Ordinal),
            HugePages = HugePages(),
            KvmModule = kvmModule,
            Nested = kvmModule is null ? null : fs.Read($"sys/module/{kvmModule}/parameters/nested") is "Y" or "1",
            DefaultRouteInterface = route,
            DefaultRouteDevice = route is null ? null : PciScanner.AddressIn(fs.Resolve($"sys/class/net/{route}/device")),
            RootBlockDevices = rootDevices,
            RootDiskControllers = rootDevices.Select(d => PciScanner.AddressIn(fs.Resolve($"sys/class/block/{d}"))).OfType<string>().Distinct().ToList(),
        };
    }

    private static string? CpuInfoField(string cpuinfo, string key)
    {
        var line = cpuinfo.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private bool? InterruptRemapping()
    {
        var units = fs.List("sys/class/iommu");
        if (units.Count == 0)
            return null;
        foreach (var unit in units)
        {
            // Intel: bit 3 of the extended capability register is interrupt remapping support.
            if (fs.Read($"sys/class/iommu/{unit}/intel-iommu/ecap") is { } ecap
                && ulong.TryParse(ecap.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits))
                return (bits & 0x8) != 0;
            // AMD-Vi always remaps interrupts.
            if (fs.Exists($"sys/class/iommu/{unit}/amd-iommu"))
                return true;
        }
        return null;
    }

    private Dictionary<long, (long Total, long Free)> HugePages()
    {
        var pools = new Dictionary<long, (long, long)>();
        foreach (var dir in fs.List("sys/kernel/mm/hugepages"))
        {
            // hugepages-2048kB
            if (!dir.StartsWith("hugepages-", StringComparison.Ordinal) || !dir.EndsWith("kB", StringComparison.Ordinal)
                || !long.TryParse(dir["hugepages-".Length..^2], CultureInfo.InvariantCulture, out var kib))
                continue;
            pools[kib] = (Number($"sys/kernel/mm/hugepages/{dir}/nr_hugepages"), Number($"sys/kernel/mm/hugepages/{dir}/free_hugepages"));
        }
        return pools;
    }

    private long Number(string relative) => long.TryParse(fs.Read(relative)?.Trim(), CultureInfo.InvariantCulture, out var n) ? n : 0;
}
