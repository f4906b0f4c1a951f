using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Hardware;

/// <summary>Passthrough eligibility and its one-sentence reason, device by device, on the three fixture hosts.</summary>
public sealed class PassthroughRulesTests
{
    [Theory]
    [InlineData("0000:01:00.0", true, "It goes together with the rest of IOMMU group 13 (0000:01:00.1) and can be passed through.")]
    [InlineData("0000:01:00.1", true, "It goes together with the rest of IOMMU group 13 (0000:01:00.0) and can be passed through.")]
    [InlineData("0000:02:00.0", true, "It is alone in IOMMU group 14 and can be passed through.")]
    [InlineData("0000:05:00.0", true, "It is alone in IOMMU group 16 and can be passed through.")]
    [InlineData("0000:00:17.0", false, "It is the disk controller holding the host's root file system.")]
    [InlineData("0000:04:00.0", false, "It is the NIC carrying the host's default route (eno1).")]
    [InlineData("0000:00:01.0", false, "It is a PCI bridge (root port), part of the chipset that the host itself needs.")]
    [InlineData("0000:00:1f.4", false, "It shares IOMMU group 12 with the ISA bridge (LPC controller) 0000:00:1f.0, part of the chipset the host needs; the board does not isolate it (try another slot).")]
    public void XeonWorkstation(string address, bool eligible, string reason) => AssertVerdict(SysfsFixture.Xeon, address, eligible, reason);

    [Theory]
    [InlineData("0000:26:00.0", false, "It shares IOMMU group 2 with 0000:03:00.1, which is the disk controller holding the host's root file system.")]
    [InlineData("0000:26:00.1", false, "It shares IOMMU group 2 with 0000:03:00.1, which is the disk controller holding the host's root file system.")]
    [InlineData("0000:03:00.0", false, "It shares IOMMU group 2 with 0000:03:00.1, which is the disk controller holding the host's root file system.")]
    [InlineData("0000:27:00.0", false, "It is the NIC carrying the host's default route (enp39s0).")]
    [InlineData("0000:01:00.0", true, "It is alone in IOMMU group 1 and can be passed through.")]
    public void ConsumerBoard(string address, bool eligible, string reason) => AssertVerdict(SysfsFixture.Consumer, address, eligible, reason);

    [Theory]
    [InlineData("0000:00:02.0")]
    [InlineData("0000:00:1f.6")]
    [InlineData("0000:00:17.0")]
    public void IommuOffRefusesEverything(string address) =>
        AssertVerdict(SysfsFixture.IommuOff, address, false,
            "The IOMMU is off, so no device can be passed through safely; see `carve host check` for how to turn it on.");

    [Fact]
    public void ConsumerGroupToBindLeavesBridgesOnTheHost()
    {
        var rules = SysfsFixture.Rules(SysfsFixture.Consumer);
        var gpu = rules.Find("0000:26:00.0")!;
        Assert.Equal(
            ["0000:00:01.3", "0000:03:00.0", "0000:03:00.1", "0000:03:00.2", "0000:1d:00.0", "0000:26:00.0", "0000:26:00.1", "0000:27:00.0"],
            rules.Group(gpu).Select(d => d.Address).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["0000:03:00.0", "0000:03:00.1", "0000:26:00.0", "0000:26:00.1", "0000:27:00.0"],
            rules.MembersToBind(gpu).Select(d => d.Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BootGpuIsEligibleButSaysTheConsoleGoesDark()
    {
        var rules = SysfsFixture.Rules(SysfsFixture.Xeon);
        var gpu = rules.Find("0000:01:00.0")! with { BootVga = true };
        Assert.Equal("It goes together with the rest of IOMMU group 13 (0000:01:00.1); it shows the host's boot console, which goes dark while the VM runs.",
            rules.Evaluate(gpu).Reason);
    }

    [Fact]
    public void DeviceWithoutResetMethodIsRefused()
    {
        var rules = SysfsFixture.Rules(SysfsFixture.Xeon);
        var hba = rules.Find("0000:02:00.0")! with { ResetMethods = [] };
        var verdict = rules.Evaluate(hba);
        Assert.False(verdict.Eligible);
        Assert.Equal("The device has no reset method, so it cannot be returned to a clean state between VM starts.", verdict.Reason);
    }

    [Fact]
    public void DeviceOfARunningVmSaysSo()
    {
        var fs = SysfsFixture.Fs(SysfsFixture.Xeon);
        var rules = new Core.Hardware.PassthroughRules(new Carve.Host.Hardware.PciScanner(fs).Scan(), SysfsFixture.Facts(SysfsFixture.Xeon),
            new Dictionary<string, string> { ["0000:02:00.0"] = "media" });
        Assert.Equal(new Core.Hardware.PassthroughVerdict(false, "It is assigned to the running VM 'media'."), rules.Evaluate(rules.Find("0000:02:00.0")!));
    }

    private static void AssertVerdict(string tree, string address, bool eligible, string reason)
    {
        var rules = SysfsFixture.Rules(tree);
        var device = rules.Find(address);
        Assert.NotNull(device);
        var verdict = rules.Evaluate(device);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(eligible, verdict.Eligible);
    }
}
