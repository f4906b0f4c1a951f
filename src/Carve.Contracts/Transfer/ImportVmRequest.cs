namespace Carve.Contracts.Transfer;

/// <summary>
/// Body of POST /api/v1/vms/import: a new VM from an OVA, an OVF (with its files beside it) or a single disk image
/// (vmdk, vhdx, vhd, qcow2, raw) at <see cref="Path"/> on the daemon's host, under an allowed image directory.
/// </summary>
public sealed record ImportVmRequest
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    /// <summary>Optional fixed id (100 and up); the next free one when omitted.</summary>
    public int? Id { get; init; }
    /// <summary>Storage pool for the disks; the default pool when omitted.</summary>
    public string? Pool { get; init; }
    /// <summary>Overrides what the OVF says (a bare disk image says nothing: 1 CPU, 512 MiB, bios).</summary>
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    /// <summary>bios or uefi.</summary>
    public string? Firmware { get; init; }
    /// <summary>Start the VM once it is imported.</summary>
    public bool Start { get; init; }
}
