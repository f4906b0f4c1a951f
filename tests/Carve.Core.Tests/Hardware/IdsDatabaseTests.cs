using Carve.Core.Hardware;

namespace Carve.Core.Tests.Hardware;

/// <summary>Names from the pci.ids / usb.ids format, and from Debian's real files.</summary>
public sealed class IdsDatabaseTests
{
    private const string Sample = """
        # comment
        10de  NVIDIA Corporation
        	1b80  GP104 [GeForce GTX 1080]
        		1043 8591  ROG STRIX GTX 1080
        	10f0  GP104 High Definition Audio Controller
        8086  Intel Corporation
        	a182  C620 Series Chipset Family SATA Controller [AHCI mode]
        C 01  Mass storage controller
        	06  SATA controller
        		01  AHCI 1.0
        C 03  Display controller
        	00  VGA compatible controller
        """;

    [Fact]
    public void ParsesVendorsDevicesAndClasses()
    {
        var db = IdsDatabase.Parse(Sample.Split('\n'));
        Assert.Equal("NVIDIA Corporation", db.Vendor("10de"));
        Assert.Equal("GP104 [GeForce GTX 1080]", db.Device("10de", "1b80"));
        Assert.Equal("GP104 High Definition Audio Controller", db.Device("10DE", "10F0"));
        Assert.Equal("C620 Series Chipset Family SATA Controller [AHCI mode]", db.Device("8086", "a182"));
        Assert.Equal("SATA controller", db.Class("010601"));
        Assert.Equal("VGA compatible controller", db.Class("030000"));
        Assert.Equal("Display controller", db.Class("038000"));
        Assert.Equal("unknown vendor abcd", db.Vendor("abcd"));
        Assert.Equal("unknown device 1234", db.Device("10de", "1234"));
        Assert.Equal("class 0c0330", db.Class("0c0330"));
    }

    [Fact]
    public void MissingFileGivesNoNamesAndNoError() =>
        Assert.Equal("unknown vendor 10de", IdsDatabase.Load("/nonexistent/pci.ids").Vendor("10de"));

    [Fact]
    public void ReadsDebiansPciIdsAndUsbIds()
    {
        var pci = IdsDatabase.Load(new Configuration.HardwareOptions().PciIds);
        Assert.True(pci.VendorCount > 1000, "pci.ids (Debian package pci.ids) is missing or empty");
        Assert.Equal("NVIDIA Corporation", pci.Vendor("10de"));
        Assert.Equal("GP104 [GeForce GTX 1080]", pci.Device("10de", "1b80"));
        Assert.Equal("Non-Volatile memory controller", pci.Class("010802"));

        var usb = IdsDatabase.Load(new Configuration.HardwareOptions().UsbIds);
        Assert.True(usb.VendorCount > 1000, "usb.ids (Debian package usb.ids) is missing or empty");
        Assert.Equal("Linux Foundation", usb.Vendor("1d6b"));
        Assert.Equal("2.0 root hub", usb.Device("1d6b", "0002"));
    }
}
