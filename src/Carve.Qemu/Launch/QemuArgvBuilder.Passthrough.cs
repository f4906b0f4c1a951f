using System.Globalization;
using System.Text.RegularExpressions;

namespace Carve.Qemu.Launch;

public static partial class QemuArgvBuilder
{
    private static void AddPassthrough(List<string> argv, QemuLaunchSpec spec)
    {
        for (var i = 0; i < spec.HostPci.Count; i++)
        {
            var pci = spec.HostPci[i];
            if (!Host.Hardware.PciScanner.AddressPattern().IsMatch(pci.Address))
                throw new ArgumentException($"Invalid host PCI address '{pci.Address}' (0000:01:00.0).", nameof(spec));
            var device = $"vfio-pci,host={pci.Address},id=hostpci{Num(i)}";
            if (pci.RomBar is { } rombar)
                device += rombar ? ",rombar=1" : ",rombar=0";
            if (pci.PrimaryGpu)
                device += ",x-vga=on";
            argv.AddRange(["-device", device]);
        }
        for (var i = 0; i < spec.HostUsb.Count; i++)
            argv.AddRange(["-device", $"usb-host,bus={UsbId}.0,{UsbMatch(spec.HostUsb[i])},id=hostusb{Num(i)}"]);
    }

    private static string UsbMatch(QemuHostUsb usb)
    {
        if (usb.VendorId is { } vendor && usb.ProductId is { } product && HexIdPattern().IsMatch(vendor) && HexIdPattern().IsMatch(product))
            return $"vendorid=0x{vendor},productid=0x{product}";
        if (usb.Bus is { } bus && bus > 0 && usb.Port is { } port && UsbPortPattern().IsMatch(port))
            return $"hostbus={Num(bus)},hostport={port}";
        throw new ArgumentException("A host USB device needs a vendor and product id (4 hex digits each) or a bus and port (1-1.2).", nameof(usb));
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9a-f]{4}\z")]
    private static partial Regex HexIdPattern();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){0,6}\z")]
    private static partial Regex UsbPortPattern();
}
