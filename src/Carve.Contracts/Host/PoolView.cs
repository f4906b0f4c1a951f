namespace Carve.Contracts.Host;

public sealed record PoolView
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Path { get; init; }
    public long TotalBytes { get; init; }
    public long AvailableBytes { get; init; }
    public bool Default { get; init; }
}
