namespace Carve.Contracts.Vms;

/// <summary>The stored configuration of a VM, as shown to users.</summary>
public sealed record VmConfigView
{
    public int Cpus { get; init; }
    public int MemoryMiB { get; init; }
    public string Firmware { get; set; } = "bios";
    public string Accel { get; set; } = "auto";
    public string? Cdrom { get; init; }
    public string? Kernel { get; init; }
    public string? Initrd { get; init; }
    public string? Cmdline { get; init; }
    public IReadOnlyList<NicView> Nics { get; set; } = [];
    public string? Description { get; init; }
    public Guests.BootPolicy Boot { get; init; } = new();
    public IReadOnlyList<HostPciSpec> HostPci { get; set; } = [];
    public IReadOnlyList<string> HostUsb { get; set; } = [];
    /// <summary>The SMBIOS UUID the guest sees; a clone gets a new one.</summary>
    public string? Uuid { get; init; }
}
