using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Qemu.Guests;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>
/// Internal qcow2 snapshots over all disks and the UEFI variable store, and clones. A stopped VM's images are
/// changed with qemu-img through their pools; a running VM's through its monitor (<see cref="RunningSnapshots"/>).
/// </summary>
public sealed class QemuSnapshots(
    QemuRuntime runtime, QemuLauncher launcher, QemuPower power, StoragePools pools, UefiVars vars) : IGuestSnapshots
{
    public async Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct)
    {
        var spec = VmSpec.Of(guest);
        var running = runtime.IsRunning(guest);
        if (memory && !running)
            throw new ConflictException($"{guest.Describe()} is not running, so it has no RAM to save; snapshot it without --memory.");
        if (spec.Disks.Count == 0)
            throw new ConflictException($"{guest.Describe()} has no disk to snapshot.");
        if (!running)
        {
            await vars.ConvertRawAsync(guest, spec, task, ct);
            await SnapshotStoppedAsync(spec, name, task, ct);
            return;
        }
        vars.RefuseRaw(guest, spec);
        try
        {
            await SnapshotRunningAsync(guest, spec, name, memory, task, ct);
        }
        catch (Exception e) when (e is QmpDisconnectedException or OperationFailedException && !runtime.IsRunning(guest))
        {
            await runtime.ClearAsync(runtime.Paths(guest));
            throw QemuExited.During(guest, $"while snapshot {name} was taken", e);
        }
    }

    public async Task RollbackSnapshotAsync(GuestRecord guest, SnapshotRecord snapshot, ITaskContext task, CancellationToken ct)
    {
        var spec = VmSpec.Of(guest);
        if (!snapshot.Memory)
        {
            if (runtime.IsRunning(guest))
            {
                task.Log("Stopping the VM first: a disk-only snapshot has no RAM to resume from.");
                await power.StopAsync(guest, task, ct);
            }
            foreach (var disk in spec.Volumes)
                await pools.Get(disk.Pool).RevertVolumeAsync(disk.Volume, snapshot.Name, ct);
            task.Log($"Rolled the disks of {guest.Describe()} back to {snapshot.Name}; the VM is stopped.");
            return;
        }
        if (!runtime.IsRunning(guest))
            await launcher.LaunchAsync(guest, paused: true, task, ct);
        try
        {
            await RunningSnapshots.LoadAsync(await runtime.MonitorAsync(guest, ct), guest, spec, snapshot.Name, ct);
        }
        catch (Exception e) when (e is QmpException or TimeoutException)
        {
            // A VM whose RAM was half loaded must not run on: stop it, so a retry starts clean.
            await power.StopAsync(guest, task, ct);
            throw new OperationFailedException($"QEMU could not load snapshot {snapshot.Name}; the VM is stopped: {e.Message}", e);
        }
        task.Log($"Restored RAM and disks of {guest.Describe()} from {snapshot.Name}; the guest runs on from there.");
    }

    public async Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct)
    {
        var spec = VmSpec.Of(guest);
        if (runtime.IsRunning(guest))
            await RunningSnapshots.DeleteAsync(await runtime.MonitorAsync(guest, ct), guest, spec, name, ct);
        else
            foreach (var disk in spec.Volumes)
                await pools.Get(disk.Pool).DeleteVolumeSnapshotAsync(disk.Volume, name, ct);
        task.Log($"Deleted snapshot {name}; qcow2 keeps the clusters other snapshots still use.");
    }

    /// <summary>Clones: full copies or qcow2 overlays backed by a template's disks; the UEFI store is always copied whole.</summary>
    public async Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct)
    {
        var from = VmSpec.Of(source);
        var to = VmSpec.Of(clone);
        if (snapshot is null && !linked && runtime.IsRunning(source))
            throw new ConflictException($"{source.Describe()} is running: its disks change while they are copied. Stop it, or clone from a snapshot.");
        for (var i = 0; i < from.Disks.Count; i++)
        {
            task.Log($"{(linked ? "Linking" : "Copying")} {from.Disks[i].Name}{(snapshot is null ? "" : $" at snapshot {snapshot}")}.");
            await pools.Get(from.Disks[i].Pool).CloneVolumeAsync(from.Disks[i].Volume, to.Disks[i].Volume, linked, snapshot, ct);
            task.Progress((i + 1) * 90 / from.Disks.Count);
        }
        if (from.EfiVars is { } store && to.EfiVars is { } copy)
            await vars.CopyAsync(store, copy, snapshot, ct);
        return linked;
    }

    /// <summary>Stopped: qemu-img on each volume, one unit; what was snapshotted already is undone if a step fails.</summary>
    private async Task SnapshotStoppedAsync(VmSpec spec, string name, ITaskContext task, CancellationToken ct)
    {
        var done = new List<VmDisk>();
        try
        {
            foreach (var disk in spec.Volumes)
            {
                await pools.Get(disk.Pool).SnapshotVolumeAsync(disk.Volume, name, ct);
                done.Add(disk);
            }
        }
        catch (CarveException)
        {
            foreach (var disk in done)
                await pools.Get(disk.Pool).DeleteVolumeSnapshotAsync(disk.Volume, name, CancellationToken.None);
            throw;
        }
        task.Log($"Took snapshot {name} of {done.Count} volume(s) of the stopped VM.");
    }

    private async Task SnapshotRunningAsync(GuestRecord guest, VmSpec spec, string name, bool memory, ITaskContext task, CancellationToken ct)
    {
        var client = await runtime.MonitorAsync(guest, ct);
        if (!memory)
        {
            await RunningSnapshots.TakeDisksAsync(client, spec, name, ct);
            task.Log($"Took a disk-only snapshot {name} of {RunningSnapshots.DeviceCount(spec)} drive(s) while the VM runs.");
            return;
        }
        EnsureRoomForRam(guest, spec);
        task.Log($"Saving RAM ({guest.Config.MemoryMiB} MiB) and devices into {spec.Disks[0].Name}; the guest pauses meanwhile.");
        await RunningSnapshots.SaveAsync(client, guest, spec, name, ct);
        task.Log($"Saved snapshot {name} with RAM.");
    }

    private void EnsureRoomForRam(GuestRecord guest, VmSpec spec)
    {
        var pool = pools.Get(spec.Disks[0].Pool);
        var needed = guest.Config.MemoryBytes + (64L << 20);
        var free = pool.Usage().AvailableBytes;
        if (free < needed)
            throw new ConflictException(
                $"Pool {pool.Name} has {Sizes.Format(free)} free; saving {guest.Config.MemoryMiB} MiB of RAM needs about {Sizes.Format(needed)}. Free some space or snapshot without --memory.");
    }
}
