namespace Carve.Host.Hardware;

/// <summary>One PCI function as sysfs shows it. Ids are four hex digits without 0x; the class is six.</summary>
public sealed record PciDevice
{
    /// <summary>Domain:bus:slot.function, e.g. 0000:01:00.0.</summary>
    public required string Address { get; init; }
    public required string VendorId { get; init; }
    public required string DeviceId { get; init; }
    public required string ClassCode { get; init; }
    public string? SubsystemVendorId { get; init; }
    public string? SubsystemDeviceId { get; init; }
    /// <summary>The bound driver's name, or null when none is bound.</summary>
    public string? Driver { get; init; }
    public string? DriverOverride { get; init; }
    /// <summary>The IOMMU group number, or null when the IOMMU is off.</summary>
    public int? IommuGroup { get; init; }
    /// <summary>The reset methods the kernel can use (flr, pm, bus, ...); empty when it cannot reset the device.</summary>
    public IReadOnlyList<string> ResetMethods { get; init; } = [];
    /// <summary>True for the VGA device the firmware booted with, which shows the host console.</summary>
    public bool BootVga { get; init; }

    /// <summary>The two leading class digits: 01 storage, 02 network, 03 display, 06 bridge, 0c serial bus.</summary>
    public string BaseClass => ClassCode[..2];

    public bool IsBridge => BaseClass == "06";
}
