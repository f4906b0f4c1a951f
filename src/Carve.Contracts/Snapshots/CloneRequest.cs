namespace Carve.Contracts.Snapshots;

/// <summary>Body of POST /api/v1/guests/{ref}/clone.</summary>
public sealed record CloneRequest
{
    public string? Name { get; init; }
    /// <summary>Share the template's disks (qcow2 backing files) instead of copying them.</summary>
    public bool? Linked { get; init; }
    /// <summary>Copy the source as it was at this snapshot.</summary>
    public string? Snapshot { get; init; }
    public int? Id { get; init; }
}
