namespace Carve.Host.Hardware;

/// <summary>One USB device from /sys/bus/usb/devices; <see cref="Port"/> is BUS-PORT as in "1-1.2".</summary>
public sealed record UsbDevice
{
    public required string Port { get; init; }
    public required int Bus { get; init; }
    public int DeviceNumber { get; init; }
    public required string VendorId { get; init; }
    public required string ProductId { get; init; }
    public string? Manufacturer { get; init; }
    public string? Product { get; init; }
    /// <summary>Mbit/s as the kernel reports it (12, 480, 5000, ...).</summary>
    public string? Speed { get; init; }
    /// <summary>Root hubs belong to the host controller and cannot be passed through.</summary>
    public bool IsRootHub { get; init; }
}
