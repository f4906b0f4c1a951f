namespace Carve.Transfer;

/// <summary>What an OVF descriptor says about its one VM, already in Carve's terms. Null means "not said".</summary>
public sealed record OvfEnvelope
{
    public required string Name { get; init; }
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    /// <summary>bios or uefi.</summary>
    public string? Firmware { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<OvfFile> Files { get; init; } = [];
    public IReadOnlyList<OvfDisk> Disks { get; init; } = [];
    public IReadOnlyList<OvfNic> Nics { get; init; } = [];
    /// <summary>Hardware Carve leaves out (CD-ROM drives, floppies, ...), to tell the user.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
