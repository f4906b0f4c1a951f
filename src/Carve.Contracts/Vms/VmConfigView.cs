namespace Carve.Contracts.Vms;

/// <summary>The stored configuration of a VM, as shown to users.</summary>
public sealed record VmConfigView
{
    public int Cpus { get; init; }
    public int MemoryMiB { get; init; }
    public string Firmware { get; init; } = "bios";
    public string Accel { get; init; } = "auto";
    public string? Cdrom { get; init; }
    public string? Kernel { get; init; }
    public string? Initrd { get; init; }
    public string? Cmdline { get; init; }
    public IReadOnlyList<NicView> Nics { get; init; } = [];
    public string? Description { get; init; }
    public IReadOnlyList<HostPciSpec> HostPci { get; init; } = [];
    public IReadOnlyList<string> HostUsb { get; init; } = [];
    /// <summary>The SMBIOS UUID the guest sees; a clone gets a new one.</summary>
    public string? Uuid { get; init; }
}
