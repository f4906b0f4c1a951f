using System.Text.RegularExpressions;
using Carve.Contracts.Vms;
using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Qemu.Guests;

/// <summary>Checks host PCI and USB device requests at the edge; nothing unchecked reaches QEMU's option strings.</summary>
public static partial class HostDevices
{
    public const int MaxPci = 16;
    public const int MaxUsb = 16;

    [GeneratedRegex(@"^(?:([0-9a-fA-F]{4}):)?([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])\z")]
    private static partial Regex PciAddress();

    [GeneratedRegex(@"^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}\z")]
    private static partial Regex UsbId();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}-[0-9]{1,3}(\.[0-9]{1,3}){0,6}\z")]
    private static partial Regex UsbPort();

    public static IReadOnlyList<VmHostPci> Pci(IReadOnlyList<HostPciSpec?>? specs)
    {
        if (specs is null)
            return [];
        if (specs.Count > MaxPci)
            throw new BadRequestException($"A VM can have at most {MaxPci} host PCI devices.");
        var devices = specs.Select((s, i) => s is null ? throw new BadRequestException($"Host PCI device {i} is null.") : Pci(s)).ToList();
        if (devices.Select(d => d.Address).Distinct().Count() != devices.Count)
            throw new BadRequestException("The same host PCI device is listed twice.");
        if (devices.Count(d => d.PrimaryGpu) > 1)
            throw new BadRequestException("Only one host PCI device can be the primary GPU.");
        return devices;
    }

    public static VmHostPci Pci(HostPciSpec spec) => new(PciAddressOf(spec.Address), spec.RomBar, spec.PrimaryGpu);

    /// <summary>0000:01:00.0 from 01:00.0 or 0000:01:00.0, lower case.</summary>
    public static string PciAddressOf(string? text)
    {
        var m = text is null ? null : PciAddress().Match(text);
        if (m is null || !m.Success)
            throw new BadRequestException($"Invalid PCI address '{Names.Printable(text)}': give it as 0000:01:00.0 (see `carve host pci`).");
        var domain = m.Groups[1].Success ? m.Groups[1].Value : "0000";
        return $"{domain}:{m.Groups[2].Value}:{m.Groups[3].Value}.{m.Groups[4].Value}".ToLowerInvariant();
    }

    public static IReadOnlyList<string> Usb(IReadOnlyList<string?>? specs)
    {
        if (specs is null)
            return [];
        if (specs.Count > MaxUsb)
            throw new BadRequestException($"A VM can have at most {MaxUsb} host USB devices.");
        var devices = specs.Select(UsbOf).ToList();
        if (devices.Distinct().Count() != devices.Count)
            throw new BadRequestException("The same host USB device is listed twice.");
        return devices;
    }

    public static string UsbOf(string? text) =>
        text is not null && (UsbId().IsMatch(text) || UsbPort().IsMatch(text))
            ? text.ToLowerInvariant()
            : throw new BadRequestException(
                $"Invalid host USB device '{Names.Printable(text)}': give VENDOR:PRODUCT (046d:c52b) or BUS-PORT (1-1.2), as `carve host usb` lists them.");
}
