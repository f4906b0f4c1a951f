using Carve.Contracts.Host;
using Carve.Core.Validation;
using Carve.Host.Hardware;

namespace Carve.Core.Hardware;

/// <summary>
/// Turns host facts into the findings of `carve host check`, each with a verdict and a concrete fix. Pure: the
/// fixture-tree tests pin verdicts and fixes for a Xeon workstation, a consumer board and a box without IOMMU.
/// </summary>
public static class HostCheck
{
    public const string Ok = "ok";
    public const string Warn = "warn";
    public const string Fail = "fail";

    public static HostCheckReport Evaluate(HostFacts facts, KvmInfo kvm, ResourceUsage? resources)
    {
        var findings = new List<CheckFinding>
        {
            CpuFlags(facts),
            Kvm(kvm, facts),
            Iommu(facts),
            InterruptRemapping(facts),
            Vfio(facts),
            HugePages(facts),
            Nested(facts),
        };
        if (resources is not null)
            findings.Add(Resources(resources));
        var worst = findings.Any(f => f.Verdict == Fail) ? Fail : findings.Any(f => f.Verdict == Warn) ? Warn : Ok;
        return new HostCheckReport { Findings = findings, Verdict = worst };
    }

    private static bool IsAmd(HostFacts facts) => facts.CpuVendor == "AuthenticAMD";

    private static CheckFinding CpuFlags(HostFacts facts)
    {
        if (facts.CpuFlags.Contains("vmx"))
            return Finding("cpu-virtualization", Ok, "The CPU has Intel VT-x (vmx).");
        if (facts.CpuFlags.Contains("svm"))
            return Finding("cpu-virtualization", Ok, "The CPU has AMD-V (svm).");
        return Finding("cpu-virtualization", Fail,
            "The CPU shows neither vmx nor svm: hardware virtualization is off in the firmware or absent; VMs run under TCG emulation, many times slower.",
            IsAmd(facts) ? "Enable SVM Mode in the firmware setup (often under Advanced > CPU Configuration)."
                : "Enable Intel Virtualization Technology (VT-x) in the firmware setup; in a cloud VM, pick an instance type with nested virtualization.");
    }

    private static CheckFinding Kvm(KvmInfo kvm, HostFacts facts) => kvm.Usable switch
    {
        true => Finding("kvm", Ok, $"KVM works: {kvm.Detail}"),
        null => Finding("kvm", Warn, "The KVM probe is still running; check again in a few seconds.", "Run `carve host check` again."),
        false when !kvm.DevicePresent => Finding("kvm", Fail, $"KVM is not available: {kvm.Detail}",
            "Load the KVM module (`modprobe kvm_intel` or `modprobe kvm_amd`) after enabling virtualization in the firmware."),
        false => Finding("kvm", Fail, $"/dev/kvm exists but a probe guest did not run under it: {kvm.Detail}",
            $"Under nested virtualization, enable it on the outer hypervisor ({(IsAmd(facts) ? "kvm_amd" : "kvm_intel")} nested=1) or run Carve on bare metal; until then VMs use TCG."),
    };

    private static CheckFinding Iommu(HostFacts facts)
    {
        var table = facts.DmarTable ? "DMAR" : facts.IvrsTable ? "IVRS" : null;
        var param = IsAmd(facts) ? "amd_iommu=on iommu=pt" : "intel_iommu=on iommu=pt";
        var cmdlineOn = facts.KernelCmdline.Any(a => a is "intel_iommu=on" or "amd_iommu=on");
        var cmdlineOff = facts.KernelCmdline.Any(a => a is "intel_iommu=off" or "amd_iommu=off" or "iommu=off");
        if (facts.IommuGroupCount > 0)
            return Finding("iommu", Ok, $"The IOMMU is on: {facts.IommuGroupCount} IOMMU groups" +
                (table is null ? "." : $", described by the firmware's {table} table") + (cmdlineOn ? $", enabled on the kernel command line." : "."));
        if (table is null)
            return Finding("iommu", Fail,
                "The IOMMU is off: the firmware publishes no DMAR or IVRS table, so PCI passthrough is impossible.",
                IsAmd(facts) ? "Enable IOMMU (AMD-Vi) in the firmware setup, then add amd_iommu=on iommu=pt to the kernel command line."
                    : "Enable VT-d in the firmware setup, then add intel_iommu=on iommu=pt to the kernel command line.");
        return Finding("iommu", Fail,
            $"The firmware has a {table} table, but the kernel did not turn the IOMMU on" + (cmdlineOff ? " (it is switched off on the kernel command line)." : "."),
            $"Add {param} to GRUB_CMDLINE_LINUX_DEFAULT in /etc/default/grub" + (cmdlineOff ? " and remove the iommu=off setting" : "") + ", run update-grub and reboot.");
    }

    private static CheckFinding InterruptRemapping(HostFacts facts)
    {
        if (facts.IommuGroupCount == 0)
            return Finding("interrupt-remapping", Warn, "Unknown while the IOMMU is off.", "Turn the IOMMU on first (see the iommu finding).");
        if (facts.KernelCmdline.Any(a => a is "intremap=off" or "nointremap"))
            return Finding("interrupt-remapping", Fail, "Interrupt remapping is switched off on the kernel command line; vfio refuses devices without it.",
                "Remove intremap=off / nointremap from the kernel command line and reboot.");
        return facts.InterruptRemapping switch
        {
            true => Finding("interrupt-remapping", Ok, "The IOMMU remaps interrupts, so a passed-through device cannot inject interrupts into the host."),
            false when facts.UnsafeInterruptsAllowed => Finding("interrupt-remapping", Warn,
                "The IOMMU cannot remap interrupts; vfio allows it anyway (allow_unsafe_interrupts=1), so a malicious guest could attack the host.",
                "Prefer a platform with interrupt remapping; keep allow_unsafe_interrupts only for trusted guests."),
            false => Finding("interrupt-remapping", Fail, "The IOMMU cannot remap interrupts, so vfio will refuse to assign devices.",
                "Update the firmware; as a last resort for trusted guests: `options vfio_iommu_type1 allow_unsafe_interrupts=1` in /etc/modprobe.d/vfio.conf."),
            null => Finding("interrupt-remapping", Warn, "The IOMMU does not say whether it remaps interrupts.", "Check `dmesg | grep -i remapping` for \"Enabled IRQ remapping\"."),
        };
    }

    private static CheckFinding Vfio(HostFacts facts)
    {
        var missing = new[] { "vfio", "vfio_pci", "vfio_iommu_type1" }.Where(m => !facts.VfioModules.Contains(m)).ToList();
        return missing.Count == 0
            ? Finding("vfio", Ok, "The vfio, vfio_pci and vfio_iommu_type1 modules are loaded.")
            : Finding("vfio", Warn, $"Not loaded: {string.Join(", ", missing)}; PCI passthrough needs them.",
                "Run `modprobe vfio-pci` and add vfio, vfio_pci and vfio_iommu_type1 to /etc/modules so they load at boot.");
    }

    private static CheckFinding HugePages(HostFacts facts)
    {
        var pools = facts.HugePages.Where(p => p.Value.Total > 0).Select(p => $"{p.Value.Total} x {Sizes.Format(p.Key * 1024)} ({p.Value.Free} free)").ToList();
        return pools.Count > 0
            ? Finding("hugepages", Ok, $"Hugepages reserved: {string.Join(", ", pools)}.")
            : Finding("hugepages", Warn, "No hugepages are reserved; VMs use normal 4 KiB pages (transparent hugepages still help).",
                "For large VMs, reserve pages at boot, e.g. hugepagesz=1G hugepages=16 on the kernel command line, or `echo 1024 > /proc/sys/vm/nr_hugepages` for 2 MiB pages.");
    }

    private static CheckFinding Nested(HostFacts facts) => facts.Nested switch
    {
        true => Finding("nested-virtualization", Ok, $"Nested virtualization is on ({facts.KvmModule} nested=1): VMs can run their own hypervisors."),
        false => Finding("nested-virtualization", Warn, $"Nested virtualization is off ({facts.KvmModule} nested=0): VMs cannot run hypervisors themselves.",
            $"echo 'options {facts.KvmModule} nested=1' > /etc/modprobe.d/kvm-nested.conf, then reload {facts.KvmModule} with no VM running."),
        null => Finding("nested-virtualization", Warn, "Neither kvm_intel nor kvm_amd is loaded, so nested virtualization is unavailable.",
            "Load kvm_intel or kvm_amd (see the kvm finding)."),
    };

    private static CheckFinding Resources(ResourceUsage usage)
    {
        var cpus = usage.ReservedCpus.Count switch
        {
            0 => "no cores reserved",
            1 => $"core {usage.ReservedCpus[0]} reserved for the host",
            _ => $"cores {string.Join(",", usage.ReservedCpus)} reserved for the host",
        };
        var detail = $"{Sizes.Format(usage.FreeMemoryBytes)} of {Sizes.Format(usage.GuestMemoryLimitBytes)} guest memory free " +
            $"({Sizes.Format(usage.ReservedMemoryBytes)} reserved for the host, {usage.RunningGuests} guest(s) running); {cpus}.";
        if (usage.ReservedMemoryBytes == 0 || usage.ReservedCpus.Count == 0)
            return Finding("resources", Warn, detail,
                "Keep memory and a core for the host: set \"reserved\": {\"memory\": \"2GiB\", \"cpus\": [0]} in the config file.");
        return usage.FreeMemoryBytes > 0
            ? Finding("resources", Ok, detail)
            : Finding("resources", Warn, detail, "Stop a guest or lower guests' memory before starting another.");
    }

    private static CheckFinding Finding(string check, string verdict, string detail, string? fix = null) =>
        new() { Check = check, Verdict = verdict, Detail = detail, Fix = fix };
}
