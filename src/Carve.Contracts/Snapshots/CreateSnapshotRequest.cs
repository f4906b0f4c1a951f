namespace Carve.Contracts.Snapshots;

/// <summary>Body of POST /api/v1/guests/{ref}/snapshots.</summary>
public sealed record CreateSnapshotRequest
{
    public string? Name { get; init; }
    /// <summary>Also save RAM and device state (a running VM only); a rollback then resumes where it was.</summary>
    public bool? Memory { get; init; }
    public string? Description { get; init; }
}
