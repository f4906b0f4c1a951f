using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Drivers;

/// <summary>
/// The life of one kind of guest (QEMU VMs, LXC containers), registered keyed by its <see cref="Contracts.Guests.GuestKind"/>.
/// The core calls these under the guest's lock inside a task; drivers never take locks themselves. What a new guest's
/// files are made from is the business of the kind's <see cref="IGuestFactory{TRequest}"/>.
/// </summary>
public interface IInstanceDriver
{
    Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    /// <summary>Stops at once, like pulling the plug.</summary>
    Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    /// <summary>Asks the guest OS to power off; stops it hard after <paramref name="timeout"/>.</summary>
    Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct);

    /// <summary>Removes what the guest owns (volumes, logs, runtime files); the guest is stopped. Missing pieces are fine.</summary>
    Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    /// <summary>
    /// Brings a running guest to its stored CPUs and memory where the kind allows it, and says in the task's log
    /// whether the change applies now or at the next start.
    /// </summary>
    Task ApplyLimitsAsync(GuestRecord updated, ITaskContext task, CancellationToken ct);

    /// <summary>Live state, cheap enough to call for every guest of a listing.</summary>
    GuestRuntime Inspect(GuestRecord guest);

    /// <summary>Live state with what only the guest's monitor can tell (QMP status, accel in use).</summary>
    Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct);

    /// <summary>Finds guests left running by an earlier daemon and reattaches to them.</summary>
    Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct);
}
