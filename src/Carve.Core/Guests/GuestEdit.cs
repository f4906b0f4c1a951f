using Carve.Contracts.Vms;
using Carve.Core.Tasks;

namespace Carve.Core.Guests;

/// <summary>
/// A change to a guest, checked by its kind's editor: the settings every kind has (null: unchanged), and the
/// kind-specific part as a step on the stored config plus live steps once it is stored.
/// </summary>
public sealed record GuestEdit
{
    public required GuestRecord Guest { get; init; }
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    public string? Description { get; init; }
    /// <summary>Replaces all NICs; the guest must be stopped.</summary>
    public IReadOnlyList<NicRequest?>? Nics { get; init; }
    /// <summary>Start at boot, order, restart policy: the given fields change.</summary>
    public Contracts.Guests.BootPolicy? Boot { get; init; }
    /// <summary>The kind-specific changes to the stored config, applied under the guest's lock.</summary>
    public Func<GuestConfig, GuestConfig>? Specific { get; init; }
    /// <summary>Steps on the guest once the new config is stored (grow a disk, say what waits for a restart).</summary>
    public Func<GuestRecord, ITaskContext, CancellationToken, Task>? AfterAsync { get; init; }
    /// <summary>The sentence for a request that changes nothing, naming what could be changed.</summary>
    public required string NothingToChange { get; init; }

    public bool IsEmpty => Cpus is null && MemoryMiB is null && Description is null && Nics is null && Boot is null && Specific is null && AfterAsync is null;
}
