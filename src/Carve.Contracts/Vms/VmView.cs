namespace Carve.Contracts.Vms;

public sealed record VmView
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public bool Template { get; init; }
    public required VmConfigView Config { get; init; }
    public IReadOnlyList<DiskView> Disks { get; set; } = [];
    public VmRuntimeView? Runtime { get; init; }
    /// <summary>Changes stored but not yet applied because the VM is running; they apply at next start.</summary>
    public IReadOnlyList<string> PendingChanges { get; set; } = [];
    public string? Lock { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
