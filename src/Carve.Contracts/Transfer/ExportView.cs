namespace Carve.Contracts.Transfer;

/// <summary>A finished export on the daemon, named by the id of the task that made it.</summary>
public sealed record ExportView
{
    public required string Id { get; init; }
    public required string Vm { get; init; }
    public required string Format { get; init; }
    public IReadOnlyList<ExportFileView> Files { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}
