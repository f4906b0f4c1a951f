namespace Carve.Contracts.Containers;

/// <summary>A bind mount of a host directory into the container, e.g. /tank/media at /media.</summary>
public sealed record MountRequest
{
    public required string Host { get; init; }
    public required string Guest { get; init; }
    public bool ReadOnly { get; init; }
}
