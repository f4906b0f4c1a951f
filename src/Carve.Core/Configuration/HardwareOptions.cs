namespace Carve.Core.Configuration;

/// <summary>Where the hardware is read from; tests point <see cref="HostRoot"/> at a fixture tree.</summary>
public sealed record HardwareOptions
{
    /// <summary>The root under which /sys, /proc and /dev are read and written.</summary>
    public string HostRoot { get; set; } = "/";
    /// <summary>Debian's pci.ids (package pci.ids) for vendor, device and class names.</summary>
    public string PciIds { get; set; } = "/usr/share/misc/pci.ids";
    /// <summary>Debian's usb.ids (package usb.ids).</summary>
    public string UsbIds { get; set; } = "/usr/share/misc/usb.ids";
}
