using Carve.Contracts.Vms;
using Carve.Core.Errors;
using Carve.Qemu.Guests;

namespace Carve.Qemu.Tests.Guests;

/// <summary>Host device requests are checked at the edge: nothing odd reaches QEMU's option strings.</summary>
public sealed class HostDevicesTests
{
    [Theory]
    [InlineData("0000:01:00.0", "0000:01:00.0")]
    [InlineData("01:00.1", "0000:01:00.1")]
    [InlineData("0000:0A:1F.7", "0000:0a:1f.7")]
    public void PciAddressesAreNormalized(string given, string stored) => Assert.Equal(stored, HostDevices.PciAddressOf(given));

    [Theory]
    [InlineData("0000:01:00.8")]
    [InlineData("0000:01:00.0,x-vga=on")]
    [InlineData("01:00")]
    [InlineData("0000:01:00.0\n")]
    [InlineData("")]
    public void BadPciAddressesAreRefused(string given)
    {
        var e = Assert.Throws<BadRequestException>(() => HostDevices.PciAddressOf(given));
        Assert.Contains("give it as 0000:01:00.0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicatesAndTwoPrimaryGpusAreRefused()
    {
        Assert.Throws<BadRequestException>(() => HostDevices.Pci([new HostPciSpec { Address = "01:00.0" }, new HostPciSpec { Address = "0000:01:00.0" }]));
        Assert.Throws<BadRequestException>(() => HostDevices.Pci(
            [new HostPciSpec { Address = "01:00.0", PrimaryGpu = true }, new HostPciSpec { Address = "02:00.0", PrimaryGpu = true }]));
        Assert.Equal([new VmHostPci("0000:01:00.0", false, true)], HostDevices.Pci([new HostPciSpec { Address = "01:00.0", RomBar = false, PrimaryGpu = true }]));
    }

    [Theory]
    [InlineData("046d:C52B", "046d:c52b")]
    [InlineData("1-1.2", "1-1.2")]
    [InlineData("3-4", "3-4")]
    public void UsbDevicesAreAccepted(string given, string stored) => Assert.Equal(stored, HostDevices.UsbOf(given));

    [Theory]
    [InlineData("046d")]
    [InlineData("046d:c52b,hostbus=1")]
    [InlineData("0-1")]
    [InlineData("1-")]
    [InlineData("1-1/2")]
    public void BadUsbDevicesAreRefused(string given) => Assert.Throws<BadRequestException>(() => HostDevices.UsbOf(given));
}
