using System.Globalization;
using System.Text.RegularExpressions;
using Carve.Host.Sysfs;

namespace Carve.Host.Hardware;

/// <summary>Lists PCI devices from /sys/bus/pci/devices: ids, class, driver, IOMMU group and reset methods.</summary>
public sealed partial class PciScanner(HostFs fs)
{
    public const string DevicesDir = "sys/bus/pci/devices";

    [GeneratedRegex(@"^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]\z")]
    public static partial Regex AddressPattern();

    /// <summary>The last PCI address in a sysfs path: the device a block device or NIC sits behind.</summary>
    [GeneratedRegex(@"[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]")]
    private static partial Regex AddressInPath();

    public IReadOnlyList<PciDevice> Scan() =>
        fs.List(DevicesDir).Where(a => AddressPattern().IsMatch(a)).Select(Read).OfType<PciDevice>().ToList();

    public PciDevice? Read(string address)
    {
        var dir = $"{DevicesDir}/{address}";
        if (!fs.Exists(dir))
            return null;
        var group = fs.LinkName($"{dir}/iommu_group");
        return new PciDevice
        {
            Address = address,
            VendorId = Hex(fs.Read($"{dir}/vendor")) ?? "ffff",
            DeviceId = Hex(fs.Read($"{dir}/device")) ?? "ffff",
            ClassCode = Hex(fs.Read($"{dir}/class"))?.PadLeft(6, '0') ?? "000000",
            SubsystemVendorId = Hex(fs.Read($"{dir}/subsystem_vendor")),
            SubsystemDeviceId = Hex(fs.Read($"{dir}/subsystem_device")),
            Driver = fs.LinkName($"{dir}/driver"),
            DriverOverride = fs.Read($"{dir}/driver_override") is { } o && o != "(null)" && o.Length > 0 ? o : null,
            IommuGroup = int.TryParse(group, CultureInfo.InvariantCulture, out var g) ? g : null,
            ResetMethods = (fs.Read($"{dir}/reset_method") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            BootVga = fs.Read($"{dir}/boot_vga") == "1",
        };
    }

    /// <summary>The members of an IOMMU group, from /sys/kernel/iommu_groups/N/devices.</summary>
    public IReadOnlyList<string> GroupMembers(int group) =>
        fs.List($"sys/kernel/iommu_groups/{group.ToString(CultureInfo.InvariantCulture)}/devices");

    public static string? AddressIn(string? sysfsPath) =>
        sysfsPath is null ? null : AddressInPath().Matches(sysfsPath).LastOrDefault()?.Value;

    private static string? Hex(string? text) =>
        text is null ? null : text.Trim().Replace("0x", "", StringComparison.Ordinal).ToLowerInvariant();
}
