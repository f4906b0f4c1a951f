namespace Carve.Contracts.Host;

/// <summary>One USB device for `carve host usb` and GET /api/v1/host/usb.</summary>
public sealed record UsbDeviceView
{
    /// <summary>BUS-PORT, e.g. 1-1.2: what --hostusb takes to pass this port through.</summary>
    public required string Port { get; init; }
    /// <summary>vendor:product in hex, e.g. 046d:c52b: what --hostusb takes to pass this device through wherever it is plugged.</summary>
    public required string Id { get; init; }
    public required string Vendor { get; init; }
    public required string Product { get; init; }
    public string? Speed { get; init; }
    public bool RootHub { get; init; }
}
