namespace Carve.Contracts.Tasks;

/// <summary>One event of GET /api/v1/tasks/{id}/events: a log line, a progress step or the final state.</summary>
public sealed record TaskEvent
{
    /// <summary>log, progress or status.</summary>
    public required string Kind { get; init; }
    public string? Text { get; init; }
    public int Progress { get; init; }
    public string? Status { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset Time { get; init; }
}
