namespace Carve.Contracts.Containers;

public sealed record CtView
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Status { get; init; }
    public bool Template { get; init; }
    public required CtConfigView Config { get; init; }
    public CtRuntimeView? Runtime { get; init; }
    public string? Lock { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
