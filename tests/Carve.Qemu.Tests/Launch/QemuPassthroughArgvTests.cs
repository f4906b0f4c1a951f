using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

/// <summary>Host devices reach QEMU only in the shapes the builder knows; anything else is refused, not escaped.</summary>
public sealed class QemuPassthroughArgvTests
{
    [Theory]
    [InlineData("0000:01:00.0,x-vga=on")]
    [InlineData("01:00.0")]
    [InlineData("0000:01:00.0\n")]
    public void OddPciAddressesAreRefused(string address) =>
        Assert.Throws<ArgumentException>(() => QemuArgvBuilder.Build(GoldenCases.Base(130, "odd") with { HostPci = [new QemuHostPci(address)] }));

    [Theory]
    [InlineData("046d", "c52b,id=x", null, null)]
    [InlineData(null, null, 1, "1.2,hostbus=2")]
    [InlineData(null, null, 0, "1")]
    [InlineData("046d", null, null, null)]
    public void OddUsbDevicesAreRefused(string? vendor, string? product, int? bus, string? port) =>
        Assert.Throws<ArgumentException>(() => QemuArgvBuilder.Build(GoldenCases.Base(131, "odd") with { HostUsb = [new QemuHostUsb(vendor, product, bus, port)] }));

    [Fact]
    public void WithoutAPrimaryGpuTheEmulatedVgaStays()
    {
        var argv = QemuArgvBuilder.Build(GoldenCases.Base(132, "nas") with { HostPci = [new QemuHostPci("0000:02:00.0")] });
        Assert.Contains("std", argv);
        Assert.Contains("vfio-pci,host=0000:02:00.0,id=hostpci0", argv);
    }
}
