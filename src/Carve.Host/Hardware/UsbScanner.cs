using System.Globalization;
using Carve.Host.Sysfs;

namespace Carve.Host.Hardware;

/// <summary>Lists USB devices (not their interfaces) from /sys/bus/usb/devices.</summary>
public sealed class UsbScanner(HostFs fs)
{
    private const string DevicesDir = "sys/bus/usb/devices";

    public IReadOnlyList<UsbDevice> Scan() =>
        fs.List(DevicesDir).Where(n => !n.Contains(':', StringComparison.Ordinal)).Select(Read).OfType<UsbDevice>()
            .OrderBy(d => d.Bus).ThenBy(d => d.Port, StringComparer.Ordinal).ToList();

    private UsbDevice? Read(string name)
    {
        var dir = $"{DevicesDir}/{name}";
        var vendor = fs.Read($"{dir}/idVendor");
        var product = fs.Read($"{dir}/idProduct");
        if (vendor is null || product is null || !int.TryParse(fs.Read($"{dir}/busnum"), CultureInfo.InvariantCulture, out var bus))
            return null;
        return new UsbDevice
        {
            Port = name,
            Bus = bus,
            DeviceNumber = int.TryParse(fs.Read($"{dir}/devnum"), CultureInfo.InvariantCulture, out var dev) ? dev : 0,
            VendorId = vendor.Trim().ToLowerInvariant(),
            ProductId = product.Trim().ToLowerInvariant(),
            Manufacturer = fs.Read($"{dir}/manufacturer"),
            Product = fs.Read($"{dir}/product"),
            Speed = fs.Read($"{dir}/speed"),
            IsRootHub = name.StartsWith("usb", StringComparison.Ordinal),
        };
    }
}
