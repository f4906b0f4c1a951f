namespace Carve.Contracts.Tasks;

public sealed record TaskView
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Guest { get; init; }
    public int? GuestId { get; init; }
    public required string User { get; init; }
    /// <summary>queued, running, succeeded or failed.</summary>
    public required string Status { get; init; }
    public int Progress { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyList<TaskLogLine>? Log { get; init; }
}
