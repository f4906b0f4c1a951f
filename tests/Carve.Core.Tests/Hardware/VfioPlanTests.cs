using Carve.Host.Hardware;
using Carve.Core.Hardware;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Hardware;

/// <summary>The exact sysfs writes that move a group to vfio-pci and back.</summary>
public sealed class VfioPlanTests
{
    [Fact]
    public void XeonGpuGroupBindsBothFunctions()
    {
        var rules = SysfsFixture.Rules(SysfsFixture.Xeon);
        var members = rules.MembersToBind(rules.Find("0000:01:00.0")!);
        var steps = VfioPlan.Bind(members.Select(m => (m.Address, m.Driver)));
        Assert.Equal(
        [
            new SysfsWrite("sys/bus/pci/devices/0000:01:00.0/driver_override", "vfio-pci"),
            new SysfsWrite("sys/bus/pci/drivers/nouveau/unbind", "0000:01:00.0"),
            new SysfsWrite("sys/bus/pci/drivers_probe", "0000:01:00.0"),
            new SysfsWrite("sys/bus/pci/devices/0000:01:00.1/driver_override", "vfio-pci"),
            new SysfsWrite("sys/bus/pci/drivers/snd_hda_intel/unbind", "0000:01:00.1"),
            new SysfsWrite("sys/bus/pci/drivers_probe", "0000:01:00.1"),
        ], steps);
        // Every file the plan writes exists in the tree, as it does in the kernel's sysfs.
        var fs = SysfsFixture.Fs(SysfsFixture.Xeon);
        Assert.All(steps, s => Assert.True(fs.Exists(s.Path), s.Path));
    }

    [Fact]
    public void BindSkipsDevicesAlreadyOnVfioAndNeedsNoUnbindForUnboundOnes()
    {
        var steps = VfioPlan.Bind([("0000:02:00.0", "vfio-pci"), ("0000:03:00.0", null)]);
        Assert.Equal(
        [
            new SysfsWrite("sys/bus/pci/devices/0000:03:00.0/driver_override", "vfio-pci"),
            new SysfsWrite("sys/bus/pci/drivers_probe", "0000:03:00.0"),
        ], steps);
    }

    [Fact]
    public void ReleaseClearsTheOverrideAndBindsTheOriginalDriver()
    {
        var steps = VfioPlan.Release([("0000:01:00.0", "vfio-pci", "nouveau"), ("0000:01:00.1", "vfio-pci", null), ("0000:02:00.0", "mpt3sas", "mpt3sas")]);
        Assert.Equal(
        [
            new SysfsWrite("sys/bus/pci/devices/0000:01:00.0/driver_override", "\n"),
            new SysfsWrite("sys/bus/pci/drivers/vfio-pci/unbind", "0000:01:00.0"),
            new SysfsWrite("sys/bus/pci/drivers/nouveau/bind", "0000:01:00.0"),
            new SysfsWrite("sys/bus/pci/devices/0000:01:00.1/driver_override", "\n"),
            new SysfsWrite("sys/bus/pci/drivers/vfio-pci/unbind", "0000:01:00.1"),
            new SysfsWrite("sys/bus/pci/devices/0000:02:00.0/driver_override", "\n"),
        ], steps);
    }
}
