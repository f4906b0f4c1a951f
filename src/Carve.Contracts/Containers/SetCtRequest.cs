namespace Carve.Contracts.Containers;

/// <summary>Body of PATCH /api/v1/cts/{ref}. CPU and memory limits change live on a running container.</summary>
public sealed record SetCtRequest
{
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    public string? Description { get; init; }
    /// <summary>Replaces all NICs (the container must be stopped); an empty list removes them.</summary>
    public IReadOnlyList<Vms.NicRequest>? Nics { get; init; }
    /// <summary>Start at boot, start and stop order, restart on crash: only the given fields change.</summary>
    public Guests.BootPolicy? Boot { get; init; }
}
