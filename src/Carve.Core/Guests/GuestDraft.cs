using Carve.Contracts.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Guests;

/// <summary>A guest checked and planned by its kind's factory, ready to be stored and built as a task.</summary>
public sealed record GuestDraft
{
    public required GuestKind Kind { get; init; }
    public required string Name { get; init; }
    /// <summary>A fixed id asked for (100 and up); the next free one when null.</summary>
    public int? Id { get; init; }
    /// <summary>The task's type, e.g. vm-create or vm-import.</summary>
    public required string TaskType { get; init; }
    /// <summary>The config to store, given the id the guest gets: volume names carry it.</summary>
    public required Func<int, GuestConfig> ConfigFor { get; init; }
    /// <summary>Makes the guest's volumes and files under its create lock; if it fails, the guest is discarded.</summary>
    public required Func<GuestRecord, ITaskContext, CancellationToken, Task> BuildAsync { get; init; }
    /// <summary>Start the guest once it is built.</summary>
    public bool Start { get; init; }
}
