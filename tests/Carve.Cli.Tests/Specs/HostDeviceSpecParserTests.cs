using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Contracts.Vms;

namespace Carve.Cli.Tests.Specs;

public sealed class HostDeviceSpecParserTests
{
    [Theory]
    [InlineData("0000:01:00.0", null, false)]
    [InlineData("0000:01:00.0,rombar=off", false, false)]
    [InlineData("01:00.0,primary-gpu,rombar=on", true, true)]
    public void Pci_options(string spec, bool? romBar, bool primaryGpu)
    {
        var pci = HostDeviceSpecParser.ParsePci(spec);
        Assert.Equal(new HostPciSpec { Address = spec.Split(',')[0], RomBar = romBar, PrimaryGpu = primaryGpu }, pci);
    }

    [Theory]
    [InlineData("0000:01:00.0,x-vga=on", "'x-vga=on' is not rombar=on, rombar=off or primary-gpu")]
    [InlineData("0000:01:00.0,rombar=off,rombar=on", "'rombar=on' is not")]
    [InlineData("0000:01:00.0,primary-gpu,primary-gpu", "'primary-gpu' is not")]
    [InlineData("rombar=off", "start with the PCI address")]
    [InlineData(",rombar=off", "start with the PCI address")]
    public void Malformed_pci_specs_are_usage_errors(string spec, string expected) =>
        Assert.Contains(expected, Assert.Throws<UsageException>(() => HostDeviceSpecParser.ParsePci(spec)).Message, StringComparison.Ordinal);

    [Fact]
    public void None_clears_and_absence_keeps()
    {
        Assert.Null(HostDeviceSpecParser.ParseAllPci(null));
        Assert.Empty(HostDeviceSpecParser.ParseAllPci(["none"])!);
        Assert.Empty(HostDeviceSpecParser.ParseAllUsb(["none"])!);
        Assert.Equal(["046d:c52b", "1-1.2"], HostDeviceSpecParser.ParseAllUsb(["046d:c52b", "1-1.2"])!);
        Assert.Throws<UsageException>(() => HostDeviceSpecParser.ParseAllUsb(["none", "1-1"]));
    }
}
