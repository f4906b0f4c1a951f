using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;
using Carve.Core.Vms;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>
/// Internal qcow2 snapshots over all disks and the UEFI variable store. A stopped VM's images are changed with
/// qemu-img, a running VM's through its monitor (QEMU owns the open images): a QMP transaction for disks only,
/// a snapshot-save job when RAM is saved too.
/// </summary>
public sealed partial class QemuDriver : IGuestSnapshots
{
    /// <summary>Where the UEFI variable store shows up in query-block: QEMU names pflash drives by unit.</summary>
    private const string VarsDevice = "pflash1";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(30);

    public async Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        var paths = Paths(guest);
        var running = locator.Find(paths) is not null;
        if (memory && !running)
            throw new ConflictException($"{guest.Describe()} is not running, so it has no RAM to save; snapshot it without --memory.");
        if (config.Disks.Count == 0)
            throw new ConflictException($"{guest.Describe()} has no disk to snapshot.");
        if (!running)
        {
            await ConvertRawVarsAsync(guest, config, task, ct);
            await SnapshotStoppedAsync(config, name, task, ct);
            return;
        }
        RefuseRawVars(guest, config);
        var client = await qmp.GetAsync(paths.QmpSocket, ct);
        if (!memory)
        {
            // One transaction: QEMU snapshots every disk or none.
            try
            {
                await client.InternalSnapshotTransactionAsync(SnapshotDevices(config), name, ct);
            }
            catch (QmpException e)
            {
                throw new OperationFailedException($"QEMU could not take the snapshot (no drive was changed): {e.Description}", e);
            }
            task.Log($"Took a disk-only snapshot {name} of {SnapshotDevices(config).Count} drive(s) while the VM runs.");
            return;
        }
        EnsureRoomForRam(config);
        var nodes = await SnapshotNodesAsync(client, config, ct);
        task.Log($"Saving RAM ({config.MemoryMiB} MiB) and devices into {config.Disks[0].Name}; the guest pauses meanwhile.");
        try
        {
            await client.SnapshotSaveAsync(JobId(guest), name, nodes[0], nodes, ct);
            await client.WaitForJobAsync(JobId(guest), JobTimeout, ct);
        }
        catch (Exception e) when (e is QmpException or TimeoutException)
        {
            // QEMU may have snapshotted some devices before failing: drop the tag where it landed.
            await DeleteRunningAsync(client, guest, config, name, ct);
            throw new OperationFailedException($"QEMU could not save the snapshot: {e.Message}", e);
        }
        task.Log($"Saved snapshot {name} with RAM.");
    }

    public async Task RollbackSnapshotAsync(GuestRecord guest, SnapshotRecord snapshot, ITaskContext task, CancellationToken ct)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        var paths = Paths(guest);
        if (!snapshot.Memory)
        {
            if (locator.Find(paths) is not null)
            {
                task.Log("Stopping the VM first: a disk-only snapshot has no RAM to resume from.");
                await StopAsync(guest, task, ct);
            }
            foreach (var (pool, volume) in SnapshotVolumes(config))
                await pool.RevertVolumeAsync(volume, snapshot.Name, ct);
            task.Log($"Rolled the disks of {guest.Describe()} back to {snapshot.Name}; the VM is stopped.");
            return;
        }
        var freshStart = locator.Find(paths) is null;
        if (freshStart)
            await LaunchAsync(guest, paused: true, task, ct);
        var client = await qmp.GetAsync(paths.QmpSocket, ct);
        try
        {
            await client.StopAsync(ct);
            var nodes = await SnapshotNodesAsync(client, config, ct);
            await client.SnapshotLoadAsync(JobId(guest), snapshot.Name, nodes[0], nodes, ct);
            await client.WaitForJobAsync(JobId(guest), JobTimeout, ct);
            if (!(await client.QueryStatusAsync(ct)).Running)
                await client.ContAsync(ct);
        }
        catch (Exception e) when (e is QmpException or TimeoutException)
        {
            // A VM whose RAM was half loaded must not run on: stop it, so a retry starts clean.
            await StopAsync(guest, task, ct);
            throw new OperationFailedException($"QEMU could not load snapshot {snapshot.Name}; the VM is stopped: {e.Message}", e);
        }
        task.Log($"Restored RAM and disks of {guest.Describe()} from {snapshot.Name}; the guest runs on from there.");
    }

    public async Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        var paths = Paths(guest);
        if (locator.Find(paths) is not null)
        {
            var client = await qmp.GetAsync(paths.QmpSocket, ct);
            await DeleteRunningAsync(client, guest, config, name, ct);
        }
        else
        {
            foreach (var (pool, volume) in SnapshotVolumes(config))
                await pool.DeleteVolumeSnapshotAsync(volume, name, ct);
        }
        task.Log($"Deleted snapshot {name}; qcow2 keeps the clusters other snapshots still use.");
    }

    private async Task SnapshotStoppedAsync(VmConfig config, string name, ITaskContext task, CancellationToken ct)
    {
        var done = new List<(Core.Storage.StoragePool Pool, string Volume)>();
        try
        {
            foreach (var (pool, volume) in SnapshotVolumes(config))
            {
                await pool.SnapshotVolumeAsync(volume, name, ct);
                done.Add((pool, volume));
            }
        }
        catch (CarveException)
        {
            // One unit: what was snapshotted already is undone, so no volume keeps a part of a snapshot.
            foreach (var (pool, volume) in done)
                await pool.DeleteVolumeSnapshotAsync(volume, name, CancellationToken.None);
            throw;
        }
        task.Log($"Took snapshot {name} of {done.Count} volume(s) of the stopped VM.");
    }

    private async Task DeleteRunningAsync(QmpClient client, GuestRecord guest, VmConfig config, string name, CancellationToken ct)
    {
        await SettleJobsAsync(client, ct);
        var nodes = await SnapshotNodesAsync(client, config, ct);
        await client.SnapshotDeleteAsync(JobId(guest), name, nodes, ct);
        await client.WaitForJobAsync(JobId(guest), JobTimeout, ct);
    }

    /// <summary>A daemon that died mid-job leaves QEMU's job running or concluded: wait for it and dismiss it.</summary>
    private static async Task SettleJobsAsync(QmpClient client, CancellationToken ct)
    {
        foreach (var job in (await client.QueryJobsAsync(ct)).Where(j => j.Id.StartsWith("carve-", StringComparison.Ordinal)))
        {
            try
            {
                await client.WaitForJobAsync(job.Id, JobTimeout, ct);
            }
            catch (QmpException)
            {
                // Its failure was reported to nobody; what matters is that the id is free again.
            }
        }
    }

    private static string JobId(GuestRecord guest) => $"carve-snap-{guest.Id}";

    /// <summary>The drives a snapshot covers: every disk, and the UEFI variable store.</summary>
    private static List<string> SnapshotDevices(VmConfig config) =>
        [.. config.Disks.Select(d => d.Name), .. config.EfiVars is null ? [] : new[] { VarsDevice }];

    private static async Task<List<string>> SnapshotNodesAsync(QmpClient client, VmConfig config, CancellationToken ct)
    {
        var block = await client.QueryBlockAsync(ct);
        return SnapshotDevices(config).Select(device =>
            block.FirstOrDefault(b => b.Device == device)?.NodeName
            ?? throw new OperationFailedException($"The running QEMU has no drive '{device}'; restart the VM to apply its disk changes.")).ToList();
    }

    private IEnumerable<(Core.Storage.StoragePool Pool, string Volume)> SnapshotVolumes(VmConfig config) =>
        config.Disks.Concat(config.EfiVars is null ? [] : [config.EfiVars]).Select(d => (pools.Get(d.Pool), d.Volume));

    private void EnsureRoomForRam(VmConfig config)
    {
        var pool = pools.Get(config.Disks[0].Pool);
        var needed = ((long)config.MemoryMiB << 20) + (64L << 20);
        var free = pool.Usage().AvailableBytes;
        if (free < needed)
            throw new ConflictException(
                $"Pool {pool.Name} has {Core.Validation.Sizes.Format(free)} free; saving {config.MemoryMiB} MiB of RAM needs about {Core.Validation.Sizes.Format(needed)}. Free some space or snapshot without --memory.");
    }
}
