using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Snapshots;

/// <summary>
/// Snapshots and clones of one kind of guest, registered keyed by its kind. The core calls these under the
/// guest's lock and keeps the snapshot tree; drivers only touch volumes and processes.
/// </summary>
public interface IGuestSnapshots
{
    /// <summary>
    /// Takes snapshot <paramref name="name"/> of every volume of the guest as one unit: when a step fails, the
    /// steps done are undone before the exception leaves. <paramref name="memory"/> needs a running guest.
    /// </summary>
    Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct);

    /// <summary>Returns the guest to the snapshot. A RAM snapshot leaves it running where it was; otherwise it is stopped.</summary>
    Task RollbackSnapshotAsync(GuestRecord guest, SnapshotRecord snapshot, ITaskContext task, CancellationToken ct);

    /// <summary>Removes the snapshot from every volume that has it; volumes without it are fine, so a retry finishes the job.</summary>
    Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct);

    /// <summary>
    /// Makes the clone's volumes (its config came from <see cref="Drivers.IGuestDefinition.CloneConfig"/>): full copies,
    /// or (linked) thin volumes backed by the source's, which must then never change. <paramref name="snapshot"/>
    /// copies the state at that snapshot instead of the present one. Returns true when the clone still reads the
    /// source's volumes (so the source must outlive it).
    /// </summary>
    Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct);
}
