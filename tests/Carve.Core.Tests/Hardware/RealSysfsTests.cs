using Carve.Core.Hardware;
using Carve.Host.Hardware;
using Carve.Host.Sysfs;

namespace Carve.Core.Tests.Hardware;

/// <summary>This machine's real /sys and /proc, read only: nothing is bound or written.</summary>
public sealed class RealSysfsTests
{
    [Fact]
    public void ReadsTheRealHostWithoutError()
    {
        var fs = new HostFs("/");
        var facts = new HostFactsReader(fs).Read();
        Assert.Equal(Environment.ProcessorCount, facts.CpuCount);
        Assert.NotEmpty(facts.KernelCmdline);
        Assert.Equal(File.Exists("/dev/kvm"), facts.KvmDevice);

        var devices = new PciScanner(fs).Scan();
        Assert.Equal(Directory.GetFileSystemEntries("/sys/bus/pci/devices").Length, devices.Count);
        foreach (var device in devices)
        {
            Assert.Matches("^[0-9a-f]{4}$", device.VendorId);
            Assert.Matches("^[0-9a-f]{6}$", device.ClassCode);
            Assert.Equal(new FileInfo($"/sys/bus/pci/devices/{device.Address}/driver").LinkTarget is { } l ? Path.GetFileName(l) : null, device.Driver);
        }

        // Every device gets a verdict with a reason; the default route's NIC, when it is a PCI device, is one of them.
        var rules = new PassthroughRules(devices, facts);
        Assert.All(devices, d => Assert.EndsWith(".", rules.Evaluate(d).Reason, StringComparison.Ordinal));
        if (facts.DefaultRouteDevice is { } nic)
            Assert.Contains(devices, d => d.Address == nic);
        Assert.All(facts.RootDiskControllers, c => Assert.Contains(devices, d => d.Address == c));

        var report = HostCheck.Evaluate(facts, new Contracts.Host.KvmInfo { Detail = "not probed here" }, null);
        Assert.Equal(7, report.Findings.Count);
        _ = new UsbScanner(fs).Scan();
    }
}
