namespace Carve.Contracts.Transfer;

/// <summary>
/// Body of POST /api/v1/cts/import: a new container from a `carve ct export` tarball at <see cref="Path"/> on the
/// daemon's host, under an allowed image directory. Omitted settings come from the tarball's carve-ct.json.
/// </summary>
public sealed record ImportCtRequest
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    /// <summary>Optional fixed id (100 and up); the next free one when omitted.</summary>
    public int? Id { get; init; }
    /// <summary>Storage pool for the rootfs; the default pool when omitted.</summary>
    public string? Pool { get; init; }
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    public string? Hostname { get; init; }
    public bool? Privileged { get; init; }
    /// <summary>Start the container once it is imported.</summary>
    public bool Start { get; init; }
}
