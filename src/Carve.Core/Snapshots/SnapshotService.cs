using Carve.Contracts.Tasks;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Hardware;
using Carve.Core.Tasks;

namespace Carve.Core.Snapshots;

/// <summary>
/// Snapshot create, rollback and delete, each a task under the guest's lock. The tree is written before and
/// after the driver acts, so a crash in between leaves a state that <see cref="SnapshotRecovery"/> settles.
/// </summary>
public sealed class SnapshotService(
    GuestStore guests, SnapshotStore snapshots, TaskRunner tasks, GuestDrivers drivers, GuestLifecycle lifecycle, PciPassthrough passthrough)
{
    public IReadOnlyList<SnapshotRecord> List(string guestReference) => snapshots.List(guests.Resolve(guestReference).Id);

    public TaskView Create(CreateSnapshotCommand command)
    {
        var name = SnapshotNames.Validate(command.Name);
        var description = SnapshotNames.Description(command.Description);
        var guest = Unchanging(command.Guest);
        var driver = drivers.For<IGuestSnapshots>(guest.Kind);
        if (snapshots.Find(guest.Id, name) is not null)
            throw new ConflictException($"{guest.Describe()} already has a snapshot named '{name}'.");
        if (command.Memory && !drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is not running, so it has no RAM to save; snapshot it without --memory.");
        var begun = false;
        return tasks.Submit(new TaskRequest
        {
            Type = $"{guest.Kind}-snapshot",
            User = command.User,
            Guest = guest,
            Work = async (task, ct) =>
            {
                var current = Current(guest);
                // Saved RAM belongs to the machine QEMU runs now, which may predate settings waiting for a restart.
                var config = command.Memory ? drivers.Instance(guest.Kind).Inspect(current).AppliedConfig ?? current.Config : current.Config;
                snapshots.Begin(guest.Id, name, command.Memory, description, config);
                begun = true;
                await driver.CreateSnapshotAsync(current, name, command.Memory, task, ct);
                snapshots.MakeCurrent(guest.Id, name);
                task.Log($"Snapshot {name} of {guest.Describe()} is ready.");
            },
            // Never a half snapshot: the volumes that got the tag lose it, then the row goes.
            OnFailure = async task =>
            {
                if (!begun)
                    return;
                await driver.DeleteSnapshotAsync(Current(guest), name, task, CancellationToken.None);
                snapshots.Remove(guest.Id, name);
            },
        });
    }

    public TaskView Rollback(SnapshotCommand command)
    {
        var guest = Unchanging(command.Guest);
        var snapshot = Ready(guest, command.Name);
        var driver = drivers.For<IGuestSnapshots>(guest.Kind);
        return tasks.Submit(new TaskRequest
        {
            Type = $"{guest.Kind}-rollback",
            User = command.User,
            Guest = guest,
            Work = async (task, ct) =>
            {
                snapshots.SetState(guest.Id, snapshot.Name, SnapshotStates.RollingBack);
                var current = Current(guest);
                var instance = drivers.Instance(guest.Kind);
                var runtime = instance.Inspect(current);
                var wasRunning = runtime.IsRunning;
                var restored = SnapshotShape.Restore(current.Config, snapshot.Config);
                var target = current with { Config = restored };
                var reshaped = restored != current.Config;
                if (reshaped)
                    task.Log($"{guest.Describe()} goes back to the shape it had at {snapshot.Name}: {SnapshotShape.Describe(restored)}.");
                if (snapshot.Memory && wasRunning && SnapshotShape.Differs(runtime.AppliedConfig, restored))
                {
                    // The saved RAM does not fit the machine running now: it loads into a new one of the old shape.
                    task.Log($"Stopping the {guest.Kind.Noun} first: it runs with another number of CPUs or amount of memory than the snapshot has.");
                    await lifecycle.StopAsync(current, task, ct);
                    wasRunning = false;
                }
                Task Rollback() => driver.RollbackSnapshotAsync(target, snapshot, task, ct);
                // Resuming saved RAM of a stopped VM is a start: admission control and PCI binding apply.
                await (snapshot.Memory && !wasRunning ? lifecycle.LaunchAsync(target, task, Rollback) : Rollback());
                // A disk-only rollback stopped a running guest: its PCI devices go back to the host, as after a stop.
                if (!snapshot.Memory && wasRunning)
                    passthrough.Release(guest.Id, task);
                if (reshaped)
                    guests.UpdateConfig(guest.Id, restored);
                snapshots.MakeCurrent(guest.Id, snapshot.Name);
            },
            OnFailure = task =>
            {
                // The snapshot itself is intact; the guest may be half rolled back, and a retry finishes it.
                snapshots.SetState(guest.Id, snapshot.Name, SnapshotStates.Ready);
                task.Log($"Run the rollback to {snapshot.Name} again to finish it.");
                return Task.CompletedTask;
            },
        });
    }

    public TaskView Delete(SnapshotCommand command)
    {
        var guest = guests.Resolve(command.Guest);
        var name = SnapshotNames.Validate(command.Name);
        if (snapshots.Find(guest.Id, name) is null)
            throw new NotFoundException($"{guest.Describe()} has no snapshot named '{name}'.");
        var driver = drivers.For<IGuestSnapshots>(guest.Kind);
        return tasks.Submit(new TaskRequest
        {
            // Not "...-delete": start-up recovery reads a lock ending in -delete as a guest being deleted.
            Type = $"{guest.Kind}-snapshot-remove",
            User = command.User,
            Guest = guest,
            Work = async (task, ct) =>
            {
                // Marked first: a snapshot that lost its data on some volumes is never listed as good again.
                snapshots.SetState(guest.Id, name, SnapshotStates.Deleting);
                await driver.DeleteSnapshotAsync(Current(guest), name, task, ct);
                snapshots.Remove(guest.Id, name);
            },
        });
    }

    private GuestRecord Current(GuestRecord guest) => guests.Find(guest.Id) ?? guest;

    /// <summary>Templates back linked clones and must never change.</summary>
    private GuestRecord Unchanging(string reference)
    {
        var guest = guests.Resolve(reference);
        return guest.Template
            ? throw new ConflictException($"{guest.Describe()} is a template; templates do not change. Clone it and snapshot the clone.")
            : guest;
    }

    private SnapshotRecord Ready(GuestRecord guest, string? name)
    {
        var snapshot = snapshots.Find(guest.Id, SnapshotNames.Validate(name))
            ?? throw new NotFoundException($"{guest.Describe()} has no snapshot named '{name}'.");
        return snapshot.State == SnapshotStates.Ready
            ? snapshot
            : throw new ConflictException($"Snapshot {name} of {guest.Describe()} is not usable (state {snapshot.State}); delete it.");
    }
}
