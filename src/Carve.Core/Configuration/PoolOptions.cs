namespace Carve.Core.Configuration;

public sealed record PoolOptions
{
    public required string Name { get; init; }
    public string Type { get; set; } = "dir";
    public required string Path { get; init; }
}
