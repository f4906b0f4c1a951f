using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Hardware;

/// <summary>The raw facts read from each fixture host, and the PCI devices as sysfs shows them.</summary>
public sealed class HostFactsReaderTests
{
    [Fact]
    public void XeonFacts()
    {
        var facts = SysfsFixture.Facts(SysfsFixture.Xeon);
        Assert.Equal("GenuineIntel", facts.CpuVendor);
        Assert.Contains("vmx", facts.CpuFlags);
        Assert.Equal(4, facts.CpuCount);
        Assert.Contains("intel_iommu=on", facts.KernelCmdline);
        Assert.True(facts.DmarTable);
        Assert.False(facts.IvrsTable);
        Assert.Equal(11, facts.IommuGroupCount);
        Assert.True(facts.InterruptRemapping);
        Assert.Equal(["vfio", "vfio_iommu_type1", "vfio_pci"], facts.VfioModules.Order(StringComparer.Ordinal));
        Assert.Equal((1024L, 1024L), facts.HugePages[2048]);
        Assert.True(facts.Nested);
        Assert.Equal("kvm_intel", facts.KvmModule);
        Assert.Equal("eno1", facts.DefaultRouteInterface);
        Assert.Equal("0000:04:00.0", facts.DefaultRouteDevice);
        Assert.Equal(["sda2"], facts.RootBlockDevices);
        Assert.Equal(["0000:00:17.0"], facts.RootDiskControllers);
    }

    [Fact]
    public void ConsumerAndIommuOffFacts()
    {
        var amd = SysfsFixture.Facts(SysfsFixture.Consumer);
        Assert.Equal("AuthenticAMD", amd.CpuVendor);
        Assert.True(amd.IvrsTable);
        Assert.True(amd.InterruptRemapping);
        Assert.Empty(amd.VfioModules);
        Assert.Equal("0000:27:00.0", amd.DefaultRouteDevice);
        Assert.Equal(["0000:03:00.1"], amd.RootDiskControllers);

        var off = SysfsFixture.Facts(SysfsFixture.IommuOff);
        Assert.Equal(0, off.IommuGroupCount);
        Assert.True(off.DmarTable);
        Assert.Null(off.InterruptRemapping);
        Assert.False(off.Nested);
        Assert.Equal("0000:00:1f.6", off.DefaultRouteDevice);
    }

    [Fact]
    public void PciDeviceFields()
    {
        var gpu = new Carve.Host.Hardware.PciScanner(SysfsFixture.Fs(SysfsFixture.Xeon)).Read("0000:01:00.0")!;
        Assert.Equal(("10de", "1b80", "030000", "nouveau", 13), (gpu.VendorId, gpu.DeviceId, gpu.ClassCode, gpu.Driver, gpu.IommuGroup));
        Assert.Equal(["bus"], gpu.ResetMethods);
        Assert.Null(gpu.DriverOverride);
        Assert.False(gpu.BootVga);
        var igpu = new Carve.Host.Hardware.PciScanner(SysfsFixture.Fs(SysfsFixture.IommuOff)).Read("0000:00:02.0")!;
        Assert.Null(igpu.IommuGroup);
        Assert.True(igpu.BootVga);
    }
}
