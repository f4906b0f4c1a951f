namespace Carve.Transfer;

/// <summary>What an exported OVF describes: the VM's settings and its disks as written into the package.</summary>
public sealed record OvfExport
{
    public required string Name { get; init; }
    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 512;
    /// <summary>bios or uefi.</summary>
    public string Firmware { get; init; } = "bios";
    public string? Description { get; init; }
    public IReadOnlyList<OvfExportDisk> Disks { get; init; } = [];
    /// <summary>Carve NIC models (virtio, e1000), in order.</summary>
    public IReadOnlyList<string> NicModels { get; init; } = [];
}
