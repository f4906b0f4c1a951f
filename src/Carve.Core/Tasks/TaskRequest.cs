using Carve.Core.Guests;

namespace Carve.Core.Tasks;

/// <summary>A unit of work to run as a task. With a guest, the task holds that guest's lock while it runs.</summary>
public sealed record TaskRequest
{
    public required string Type { get; init; }
    public required string User { get; init; }
    public GuestRecord? Guest { get; init; }
    /// <summary>Set when the guest row was inserted already holding this task's lock (create).</summary>
    public bool LockHeld { get; init; }
    public string? TaskId { get; init; }
    public required Func<ITaskContext, CancellationToken, Task> Work { get; init; }
    /// <summary>Runs when the work failed, still under the lock: undo what was half done.</summary>
    public Func<ITaskContext, Task>? OnFailure { get; init; }
}
