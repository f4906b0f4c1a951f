namespace Carve.Contracts.Vms;

/// <summary>A host PCI device for a VM, as `--hostpci 0000:01:00.0[,rombar=on|off][,primary-gpu]` gives it.</summary>
public sealed record HostPciSpec
{
    /// <summary>0000:01:00.0 (01:00.0 is read as domain 0000).</summary>
    public required string Address { get; init; }
    /// <summary>false hides the device's option ROM from the guest; null keeps it.</summary>
    public bool? RomBar { get; init; }
    /// <summary>The VM's display: the emulated VGA goes away.</summary>
    public bool PrimaryGpu { get; init; }
}
