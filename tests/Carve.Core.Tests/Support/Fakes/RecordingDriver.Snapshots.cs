using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>Snapshots and clones: recorded; a rollback leaves the guest running only when it resumes saved RAM.</summary>
internal sealed partial class RecordingDriver : IGuestSnapshots
{
    /// <summary>What a clone answers about reading its source's volumes; by default exactly the linked ones do.</summary>
    public Func<bool, bool> ClonesReadSource { get; set; } = linked => linked;

    public Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct) =>
        PerformAsync($"snapshot {guest.Name} {name}{(memory ? " with memory" : "")}");

    public async Task RollbackSnapshotAsync(GuestRecord guest, SnapshotRecord snapshot, ITaskContext task, CancellationToken ct)
    {
        await PerformAsync($"rollback {guest.Name} {snapshot.Name}");
        // As the real drivers: saved RAM resumes in a machine of the guest's (restored) shape; disks alone leave it stopped.
        SetRunning(guest, snapshot.Memory);
    }

    public Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct) =>
        PerformAsync($"delete-snapshot {guest.Name} {name}");

    public async Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct)
    {
        await PerformAsync($"clone {source.Name} {clone.Name}{(linked ? " linked" : "")}{(snapshot is null ? "" : $" at {snapshot}")}");
        return ClonesReadSource(linked);
    }
}
