namespace Carve.Qemu.Launch;

/// <summary>A host PCI device given to the VM through vfio-pci; the driver has bound it to vfio-pci already.</summary>
/// <param name="Address">0000:01:00.0.</param>
/// <param name="RomBar">false hides the device's option ROM (rombar=0); null keeps QEMU's default (shown).</param>
/// <param name="PrimaryGpu">The VM's display: x-vga=on, and no emulated VGA.</param>
public sealed record QemuHostPci(string Address, bool? RomBar = null, bool PrimaryGpu = false);
