namespace Carve.Host.Hardware;

/// <summary>Raw facts about the host's virtualization hardware, read once from sysfs and procfs.</summary>
public sealed record HostFacts
{
    /// <summary>GenuineIntel, AuthenticAMD, or what /proc/cpuinfo says.</summary>
    public string CpuVendor { get; init; } = "unknown";
    public IReadOnlySet<string> CpuFlags { get; init; } = new HashSet<string>();
    public int CpuCount { get; init; }
    public IReadOnlyList<string> KernelCmdline { get; init; } = [];
    public bool KvmDevice { get; init; }
    /// <summary>ACPI tables that describe an IOMMU: DMAR (Intel VT-d) and IVRS (AMD-Vi).</summary>
    public bool DmarTable { get; init; }
    public bool IvrsTable { get; init; }
    public int IommuGroupCount { get; init; }
    /// <summary>Interrupt remapping as the IOMMU reports it (Intel ecap bit 3; AMD always has it); null when unknown.</summary>
    public bool? InterruptRemapping { get; init; }
    public bool UnsafeInterruptsAllowed { get; init; }
    /// <summary>Loaded (or built-in) modules among vfio, vfio_pci, vfio_iommu_type1.</summary>
    public IReadOnlySet<string> VfioModules { get; init; } = new HashSet<string>();
    /// <summary>Hugepage pools by page size in KiB: (total, free) pages.</summary>
    public IReadOnlyDictionary<long, (long Total, long Free)> HugePages { get; init; } = new Dictionary<long, (long, long)>();
    /// <summary>kvm_intel or kvm_amd's nested parameter; null when neither module is loaded.</summary>
    public bool? Nested { get; init; }
    public string? KvmModule { get; init; }
    /// <summary>The interface of the default route and the PCI device behind it.</summary>
    public string? DefaultRouteInterface { get; init; }
    public string? DefaultRouteDevice { get; init; }
    /// <summary>The block devices holding / and the PCI devices (disk controllers) they sit behind.</summary>
    public IReadOnlyList<string> RootBlockDevices { get; init; } = [];
    public IReadOnlyList<string> RootDiskControllers { get; init; } = [];
}
