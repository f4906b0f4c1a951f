using Carve.Lxc.Cgroups;
using Carve.Lxc.Config;
using Carve.Host.Processes;

namespace Carve.Lxc.HostSetup;

/// <summary>What the host offers containers, detected once: cgroup layout, swap accounting, AppArmor, seccomp.</summary>
public sealed record LxcHostFacts
{
    private const string LxcSeccompProfile = "/usr/share/lxc/config/common.seccomp";

    public required CgroupLayout Cgroups { get; init; }
    public bool LimitSwap { get; init; }
    public string ApparmorProfile { get; init; } = "unconfined";
    public string? SeccompProfile { get; init; }

    public static LxcHostFacts Detect()
    {
        var cgroups = CgroupLayout.Detect();
        return new LxcHostFacts
        {
            Cgroups = cgroups,
            LimitSwap = SwapAccounted(cgroups),
            // LXC's generated profile needs the kernel's AppArmor and apparmor_parser; without them (this kind of
            // VM, many custom kernels) only "unconfined" starts.
            ApparmorProfile = AppArmorEnabled() && ExecutableLookup.Find("apparmor_parser") is not null ? "generated" : "unconfined",
            SeccompProfile = File.Exists(LxcSeccompProfile) ? LxcSeccompProfile : null,
        };
    }

    private static bool SwapAccounted(CgroupLayout cgroups)
    {
        if (cgroups.Version == CgroupVersion.V1)
            return cgroups.V1Mounts.TryGetValue("memory", out var memory) && File.Exists(Path.Combine(memory, "memory.memsw.limit_in_bytes"));
        // The root of a v2 tree has no memory.* files; any child with memory.swap.max shows swap is accounted.
        return cgroups.UnifiedMount is { } root && Directory.Exists(root)
            && Directory.EnumerateDirectories(root).Any(d => File.Exists(Path.Combine(d, "memory.swap.max")));
    }

    private static bool AppArmorEnabled()
    {
        try
        {
            return File.ReadAllText("/sys/module/apparmor/parameters/enabled").Trim() == "Y";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
