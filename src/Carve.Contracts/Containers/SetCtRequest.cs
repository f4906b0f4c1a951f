namespace Carve.Contracts.Containers;

/// <summary>Body of PATCH /api/v1/cts/{ref}. CPU and memory limits change live on a running container.</summary>
public sealed record SetCtRequest
{
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    public string? Description { get; init; }
    /// <summary>Replaces all NICs (the container must be stopped); an empty list removes them.</summary>
    public IReadOnlyList<Vms.NicRequest>? Nics { get; init; }
}
