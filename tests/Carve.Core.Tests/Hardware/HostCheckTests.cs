using Carve.Contracts.Host;
using Carve.Core.Hardware;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Hardware;

/// <summary>`carve host check` verdicts and fixes for the three fixture hosts.</summary>
public sealed class HostCheckTests
{
    private static readonly KvmInfo WorkingKvm = new() { DevicePresent = true, Usable = true, AutoAccel = "kvm", Detail = "a probe guest ran under KVM" };

    private static readonly ResourceUsage Reserved = new()
    {
        ReservedMemoryBytes = 2L << 30, ReservedCpus = [0], GuestCpus = [1, 2, 3], GuestMemoryLimitBytes = 30L << 30,
        CommittedMemoryBytes = 4L << 30, FreeMemoryBytes = 26L << 30, RunningGuests = 2, Overcommit = 1,
    };

    [Fact]
    public void XeonWorkstationIsReady()
    {
        var report = HostCheck.Evaluate(SysfsFixture.Facts(SysfsFixture.Xeon), WorkingKvm, Reserved);
        Assert.Equal(Verdicts(("cpu-virtualization", "ok"), ("kvm", "ok"), ("iommu", "ok"), ("interrupt-remapping", "ok"), ("vfio", "ok"),
            ("hugepages", "ok"), ("nested-virtualization", "ok"), ("resources", "ok")), Verdicts(report));
        Assert.Equal("ok", report.Verdict);
        Assert.Equal("The IOMMU is on: 11 IOMMU groups, described by the firmware's DMAR table, enabled on the kernel command line.", Find(report, "iommu").Detail);
        Assert.Equal("Hugepages reserved: 1024 x 2 MiB (1024 free).", Find(report, "hugepages").Detail);
        Assert.Equal("26 GiB of 30 GiB guest memory free (2 GiB reserved for the host, 2 guest(s) running); core 0 reserved for the host.",
            Find(report, "resources").Detail);
        Assert.All(report.Findings, f => Assert.Null(f.Fix));
    }

    [Fact]
    public void ConsumerBoardLacksVfioAndHugepages()
    {
        var report = HostCheck.Evaluate(SysfsFixture.Facts(SysfsFixture.Consumer), WorkingKvm, Reserved);
        Assert.Equal(Verdicts(("cpu-virtualization", "ok"), ("kvm", "ok"), ("iommu", "ok"), ("interrupt-remapping", "ok"), ("vfio", "warn"),
            ("hugepages", "warn"), ("nested-virtualization", "ok"), ("resources", "ok")), Verdicts(report));
        Assert.Equal("warn", report.Verdict);
        Assert.Equal("The CPU has AMD-V (svm).", Find(report, "cpu-virtualization").Detail);
        Assert.Equal("Not loaded: vfio, vfio_pci, vfio_iommu_type1; PCI passthrough needs them.", Find(report, "vfio").Detail);
        Assert.Equal("Run `modprobe vfio-pci` and add vfio, vfio_pci and vfio_iommu_type1 to /etc/modules so they load at boot.", Find(report, "vfio").Fix);
    }

    [Fact]
    public void IommuOffSaysHowToTurnItOn()
    {
        var noKvm = new KvmInfo { DevicePresent = true, Usable = false, AutoAccel = "tcg", Detail = "the probe guest did not finish within 2 s" };
        var report = HostCheck.Evaluate(SysfsFixture.Facts(SysfsFixture.IommuOff), noKvm, new ResourceUsage { GuestMemoryLimitBytes = 8L << 30, FreeMemoryBytes = 8L << 30 });
        Assert.Equal(Verdicts(("cpu-virtualization", "ok"), ("kvm", "fail"), ("iommu", "fail"), ("interrupt-remapping", "warn"), ("vfio", "warn"),
            ("hugepages", "warn"), ("nested-virtualization", "warn"), ("resources", "warn")), Verdicts(report));
        Assert.Equal("fail", report.Verdict);
        var iommu = Find(report, "iommu");
        Assert.Equal("The firmware has a DMAR table, but the kernel did not turn the IOMMU on.", iommu.Detail);
        Assert.Equal("Add intel_iommu=on iommu=pt to GRUB_CMDLINE_LINUX_DEFAULT in /etc/default/grub, run update-grub and reboot.", iommu.Fix);
        Assert.Equal("echo 'options kvm_intel nested=1' > /etc/modprobe.d/kvm-nested.conf, then reload kvm_intel with no VM running.",
            Find(report, "nested-virtualization").Fix);
        Assert.Equal("Keep memory and a core for the host: set \"reserved\": {\"memory\": \"2GiB\", \"cpus\": [0]} in the config file.",
            Find(report, "resources").Fix);
    }

    [Fact]
    public void NoVirtualizationFlagsAndNoIommuTable()
    {
        var facts = SysfsFixture.Facts(SysfsFixture.IommuOff) with
        {
            CpuFlags = new HashSet<string> { "fpu", "sse2" }, DmarTable = false, KernelCmdline = ["root=/dev/sda2", "intremap=off"],
        };
        var report = HostCheck.Evaluate(facts, WorkingKvm, null);
        Assert.Equal("fail", Find(report, "cpu-virtualization").Verdict);
        Assert.StartsWith("Enable Intel Virtualization Technology (VT-x)", Find(report, "cpu-virtualization").Fix, StringComparison.Ordinal);
        Assert.Equal("The IOMMU is off: the firmware publishes no DMAR or IVRS table, so PCI passthrough is impossible.", Find(report, "iommu").Detail);
        Assert.Equal("Enable VT-d in the firmware setup, then add intel_iommu=on iommu=pt to the kernel command line.", Find(report, "iommu").Fix);
        Assert.DoesNotContain(report.Findings, f => f.Check == "resources");
    }

    [Fact]
    public void InterruptRemappingOffOnTheCommandLineFails()
    {
        var facts = SysfsFixture.Facts(SysfsFixture.Xeon) with { KernelCmdline = ["intel_iommu=on", "intremap=off"] };
        var finding = Find(HostCheck.Evaluate(facts, WorkingKvm, null), "interrupt-remapping");
        Assert.Equal("fail", finding.Verdict);
        Assert.Equal("Remove intremap=off / nointremap from the kernel command line and reboot.", finding.Fix);
    }

    private static CheckFinding Find(HostCheckReport report, string check) => Assert.Single(report.Findings, f => f.Check == check);

    private static string Verdicts(HostCheckReport report) => string.Join(" ", report.Findings.Select(f => $"{f.Check}={f.Verdict}"));

    private static string Verdicts(params (string Check, string Verdict)[] expected) => string.Join(" ", expected.Select(e => $"{e.Check}={e.Verdict}"));
}
