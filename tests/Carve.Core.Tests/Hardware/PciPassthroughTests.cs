using Carve.Core.Hardware;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Hardware;

/// <summary>
/// Binding and releasing against a writable copy of a fixture tree. The copy has no kernel behind it, so a bind
/// never takes effect: that exercises the give-back path, and recovery is checked from a state set up by hand.
/// </summary>
public sealed class PciPassthroughTests
{
    [Fact]
    public void HostDiskControllerIsRefusedBeforeAnythingIsWritten()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var vm = h.Vm("media", hostPci: "0000:00:17.0");
        var e = Assert.Throws<ConflictException>(() => h.Passthrough.Bind(vm, ["0000:00:17.0"], h.Task));
        Assert.Equal("0000:00:17.0 cannot be passed through: It is the disk controller holding the host's root file system.", e.Message);
        Assert.Empty(h.Store.List());
        Assert.Equal("(null)\n", h.Read("sys/bus/pci/devices/0000:00:17.0/driver_override"));
    }

    [Fact]
    public void IncompleteGroupIsRefused()
    {
        using var h = new HardwareHarness(SysfsFixture.Consumer);
        Directory.CreateDirectory(h.Fs.PathOf("sys/bus/pci/drivers/vfio-pci"));
        var vm = h.Vm("games");
        var e = Assert.Throws<ConflictException>(() => h.Passthrough.Bind(vm, ["0000:26:00.0"], h.Task));
        Assert.Equal("0000:26:00.0 cannot be passed through: It shares IOMMU group 2 with 0000:03:00.1, which is the disk controller holding the host's root file system.", e.Message);
    }

    [Fact]
    public void MissingVfioDriverAndUnknownDevicesAreRefused()
    {
        using var h = new HardwareHarness(SysfsFixture.Consumer);
        var vm = h.Vm("nas");
        Assert.Contains("run `modprobe vfio-pci`", Assert.Throws<ConflictException>(() => h.Passthrough.Bind(vm, ["0000:01:00.0"], h.Task)).Message, StringComparison.Ordinal);
        using var x = new HardwareHarness(SysfsFixture.Xeon);
        Assert.Equal("There is no PCI device 0000:09:00.0 on this host; see `carve host pci`.",
            Assert.Throws<BadRequestException>(() => x.Passthrough.Bind(x.Vm("nas"), ["0000:09:00.0"], x.Task)).Message);
    }

    [Fact]
    public void DeviceOfAnotherRunningVmIsRefused()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var media = h.Vm("media");
        h.Store.Add(media.Id, [("0000:02:00.0", "mpt3sas")]);
        h.Driver.Running.Add(media.Id);
        var e = Assert.Throws<ConflictException>(() => h.Passthrough.Bind(h.Vm("backup"), ["0000:02:00.0"], h.Task));
        Assert.Equal($"0000:02:00.0 is assigned to the running vm media ({media.Id}).", e.Message);
        Assert.Equal(media.Id, Assert.Single(h.Store.List()).GuestId);
    }

    [Fact]
    public void ABindThatDoesNotTakeIsGivenBackAndForgotten()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var vm = h.Vm("gpu", hostPci: "0000:01:00.0");
        var e = Assert.Throws<OperationFailedException>(() => h.Passthrough.Bind(vm, ["0000:01:00.0"], h.Task));
        Assert.Equal("Could not hand 0000:01:00.0 to vfio-pci: 0000:01:00.0 did not bind to vfio-pci (it has nouveau).", e.Message);
        // The bind plan ran (the last write of the audio function's steps) and the override was cleared again.
        Assert.Equal("0000:01:00.0", h.Read("sys/bus/pci/drivers/nouveau/unbind"));
        Assert.Equal("0000:01:00.1", h.Read("sys/bus/pci/drivers/snd_hda_intel/unbind"));
        Assert.Equal("0000:01:00.1", h.Read("sys/bus/pci/drivers_probe"));
        Assert.Equal("\n", h.Read("sys/bus/pci/devices/0000:01:00.0/driver_override"));
        Assert.Equal("\n", h.Read("sys/bus/pci/devices/0000:01:00.1/driver_override"));
        Assert.Empty(h.Store.List());
    }

    [Fact]
    public void RecoveryGivesDevicesOfStoppedVmsBackToTheirOriginalDrivers()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var stopped = h.Vm("gpu");
        var running = h.Vm("nas");
        h.Driver.Running.Add(running.Id);
        // As a daemon killed while the VMs ran leaves it: both functions on vfio-pci, originals recorded.
        h.Store.Add(stopped.Id, [("0000:01:00.0", "nouveau"), ("0000:01:00.1", "snd_hda_intel")]);
        h.Store.Add(running.Id, [("0000:02:00.0", "mpt3sas")]);
        h.Relink("0000:01:00.0", "vfio-pci");
        h.Relink("0000:01:00.1", "vfio-pci");
        h.Relink("0000:02:00.0", "vfio-pci");

        h.Passthrough.Recover(h.Task);

        Assert.Equal("0000:01:00.1", h.Read("sys/bus/pci/drivers/vfio-pci/unbind"));
        Assert.Equal("0000:01:00.0", h.Read("sys/bus/pci/drivers/nouveau/bind"));
        Assert.Equal("0000:01:00.1", h.Read("sys/bus/pci/drivers/snd_hda_intel/bind"));
        Assert.Equal("\n", h.Read("sys/bus/pci/devices/0000:01:00.0/driver_override"));
        Assert.Equal("(null)\n", h.Read("sys/bus/pci/devices/0000:02:00.0/driver_override"));
        Assert.Equal([("0000:02:00.0", running.Id)], h.Store.List().Select(a => (a.Address, a.GuestId)));
        Assert.Contains("Gave 0000:01:00.0 back to nouveau.", h.Task.Lines);
    }

    [Fact]
    public void HostPciHidesTheNameOfAVmOutsideALimitedCallersGrant()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var media = h.Vm("media");
        var nas = h.Vm("nas");
        h.Store.Add(media.Id, [("0000:02:00.0", "mpt3sas")]);
        h.Store.Add(nas.Id, [("0000:05:00.0", "igb")]);
        h.Driver.Running.Add(media.Id);
        h.Driver.Running.Add(nas.Id);
        var views = h.Hardware.Pci(name => name == "nas").ToDictionary(v => v.Address);
        Assert.Equal((HostHardware.AnotherGuest, false, "It is assigned to another running VM."),
            (views["0000:02:00.0"].AssignedTo, views["0000:02:00.0"].Passthrough, views["0000:02:00.0"].Reason));
        Assert.Equal(("nas", "It is assigned to the running VM 'nas'."), (views["0000:05:00.0"].AssignedTo, views["0000:05:00.0"].Reason));
        Assert.DoesNotContain(views.Values, v => v.Reason.Contains("media", StringComparison.Ordinal) || v.AssignedTo == "media");
    }

    [Fact]
    public void HostPciShowsWhichRunningVmHasADevice()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var media = h.Vm("media");
        var old = h.Vm("old");
        h.Store.Add(media.Id, [("0000:02:00.0", "mpt3sas")]);
        h.Store.Add(old.Id, [("0000:05:00.0", "igb")]);
        h.Driver.Running.Add(media.Id);
        var views = h.Hardware.Pci().ToDictionary(v => v.Address);
        Assert.Equal(("media", false, "It is assigned to the running VM 'media'."),
            (views["0000:02:00.0"].AssignedTo, views["0000:02:00.0"].Passthrough, views["0000:02:00.0"].Reason));
        // A VM that stopped without giving its device back does not hold it.
        Assert.Null(views["0000:05:00.0"].AssignedTo);
        Assert.True(views["0000:05:00.0"].Passthrough);
        Assert.Equal(("Intel Corporation", "I210 Gigabit Network Connection", "Ethernet controller", "8086:1533"),
            (views["0000:05:00.0"].Vendor, views["0000:05:00.0"].Device, views["0000:05:00.0"].Class, views["0000:05:00.0"].Id));
        Assert.Equal(["0000:01:00.1"], views["0000:01:00.0"].GroupMembers);
    }
}
