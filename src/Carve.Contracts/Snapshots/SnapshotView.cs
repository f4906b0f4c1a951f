namespace Carve.Contracts.Snapshots;

/// <summary>One snapshot of a guest's tree.</summary>
public sealed record SnapshotView
{
    public required string Name { get; init; }
    /// <summary>The snapshot this one was taken after; null for a root.</summary>
    public string? Parent { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Memory { get; init; }
    public string? Description { get; init; }
    /// <summary>ready, or creating/deleting/rollback while (or if) an operation did not finish.</summary>
    public required string State { get; init; }
    /// <summary>The guest's present state grew from this snapshot.</summary>
    public bool Current { get; init; }
}
