namespace Carve.Qemu.Launch;

/// <summary>A host USB device for usb-host: by vendor and product id (wherever it is plugged), or by bus and port.</summary>
/// <param name="VendorId">Four hex digits, with <paramref name="ProductId"/>; null when matching by port.</param>
/// <param name="Bus">The USB bus number, with <paramref name="Port"/> (1.2 for a device behind a hub).</param>
public sealed record QemuHostUsb(string? VendorId = null, string? ProductId = null, int? Bus = null, string? Port = null);
