namespace Carve.Transfer;

/// <summary>A package that passed its structural checks: what the VM should be, and the disks to copy.</summary>
public sealed record ImportPlan
{
    /// <summary>"OVA", "OVF" or "vmdk image", ..., for messages.</summary>
    public required string Kind { get; init; }
    public OvfEnvelope? Ovf { get; init; }
    public required IReadOnlyList<ImportDisk> Disks { get; init; }
}
