namespace Carve.Qemu.Guests;

/// <summary>A host PCI device in a VM's stored config; the address is normalized (0000:01:00.0).</summary>
public sealed record VmHostPci(string Address, bool? RomBar = null, bool PrimaryGpu = false);
