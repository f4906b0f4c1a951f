namespace Carve.Contracts.Vms;

/// <summary>Body of POST /api/v1/vms. Omitted fields take the defaults shown.</summary>
public sealed record CreateVmRequest
{
    public required string Name { get; init; }
    /// <summary>Optional fixed id (100 and up); the next free one when omitted.</summary>
    public int? Id { get; init; }
    public int Cpus { get; set; } = 1;
    public int MemoryMiB { get; set; } = 512;
    public IReadOnlyList<DiskRequest> Disks { get; set; } = [];
    public string? Cdrom { get; init; }
    public string? Kernel { get; init; }
    public string? Initrd { get; init; }
    public string? Cmdline { get; init; }
    /// <summary>bios or uefi.</summary>
    public string Firmware { get; set; } = "bios";
    /// <summary>auto, kvm or tcg.</summary>
    public string Accel { get; set; } = "auto";
    /// <summary>NICs; when null the VM gets one user-mode NAT NIC, an empty list means none.</summary>
    public IReadOnlyList<NicRequest>? Nics { get; init; }
    public string? Description { get; init; }
    /// <summary>Host PCI devices passed through with vfio-pci (their whole IOMMU group goes to vfio-pci at start).</summary>
    public IReadOnlyList<HostPciSpec>? HostPci { get; init; }
    /// <summary>Host USB devices: VENDOR:PRODUCT (046d:c52b) or BUS-PORT (1-1.2).</summary>
    public IReadOnlyList<string>? HostUsb { get; init; }
    /// <summary>Start the VM once it is created.</summary>
    public bool Start { get; init; }
}
