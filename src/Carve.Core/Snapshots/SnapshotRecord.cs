namespace Carve.Core.Snapshots;

/// <summary>A snapshot as stored. Only <see cref="SnapshotStates.Ready"/> snapshots are listed as good.</summary>
public sealed record SnapshotRecord
{
    public required int GuestId { get; init; }
    public required string Name { get; init; }
    public string? Parent { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>True when RAM and device state were saved too (a running VM's --memory snapshot).</summary>
    public bool Memory { get; init; }
    public string? Description { get; init; }
    public required string State { get; init; }
    /// <summary>The snapshot the guest's present state grew from: the parent of the next snapshot.</summary>
    public bool Current { get; init; }
    /// <summary>The guest's config when the snapshot was taken (the running one for a RAM snapshot); null if older.</summary>
    public Guests.GuestConfig? Config { get; init; }
}
