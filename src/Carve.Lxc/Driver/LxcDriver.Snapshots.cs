using Carve.Core.Containers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;
using Carve.Core.Vms;
using Carve.Host.Processes;

namespace Carve.Lxc.Driver;

/// <summary>
/// Container snapshots are snapshots of the rootfs volume, made by its pool (a reflink copy on dir, a subvolume
/// snapshot on btrfs). A running container is frozen while its files are captured, so the copy is consistent.
/// </summary>
public sealed partial class LxcDriver : IGuestSnapshots
{
    public async Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct)
    {
        if (memory)
            throw new BadRequestException("Containers share the host's kernel, so there is no RAM state to save: snapshot without --memory.");
        var config = CtConfig.FromJson(guest.ConfigJson);
        var pool = pools.Get(config.Pool);
        var paths = Paths(guest);
        var frozen = locator.Find(paths) is not null && await RunToolAsync("lxc-freeze", LxcCommands.Freeze(paths), ct);
        try
        {
            await pool.SnapshotVolumeAsync(config.RootfsVolume, name, ct);
        }
        finally
        {
            if (frozen)
                await RunToolAsync("lxc-unfreeze", LxcCommands.Unfreeze(paths), CancellationToken.None);
        }
        task.Log($"Took snapshot {name} of the root file system of {guest.Describe()}{(frozen ? " (frozen meanwhile)" : "")}.");
    }

    public async Task RollbackSnapshotAsync(GuestRecord guest, SnapshotRecord snapshot, ITaskContext task, CancellationToken ct)
    {
        var config = CtConfig.FromJson(guest.ConfigJson);
        if (locator.Find(Paths(guest)) is not null)
        {
            task.Log("Stopping the container first: its files are about to be replaced.");
            await StopAsync(guest, task, ct);
        }
        var pool = pools.Get(config.Pool);
        await pool.RevertVolumeAsync(config.RootfsVolume, snapshot.Name, ct);
        task.Log($"Rolled the root file system of {guest.Describe()} back to {snapshot.Name}; the container is stopped.");
    }

    public async Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct)
    {
        var config = CtConfig.FromJson(guest.ConfigJson);
        var pool = pools.Get(config.Pool);
        await pool.DeleteVolumeSnapshotAsync(config.RootfsVolume, name, ct);
        task.Log($"Deleted snapshot {name}.");
    }

    public string CloneConfig(GuestRecord source, int cloneId, string cloneName, IReadOnlyList<VmNic> nics) =>
        (CtConfig.FromJson(source.ConfigJson) with { RootfsVolume = $"ct-{cloneId}-rootfs", Hostname = cloneName, Nics = nics }).ToJson();

    public async Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct)
    {
        var from = CtConfig.FromJson(source.ConfigJson);
        var to = CtConfig.FromJson(clone.ConfigJson);
        var pool = pools.Get(from.Pool);
        task.Log($"Copying the root file system of {source.Describe()}{(snapshot is null ? "" : $" at snapshot {snapshot}")}.");
        await pool.CloneVolumeAsync(from.RootfsVolume, to.RootfsVolume, linked, snapshot, ct);
        var rootfs = pool.VolumePath(to.RootfsVolume);
        RootfsFiles.WriteHostname(rootfs, to.Hostname, Mapping(to)?.ToHost(0) ?? 0);
        WriteConfig(to, Paths(clone), rootfs);
        // A reflink copy or a btrfs snapshot shares extents, never a dependency: the source may go.
        return false;
    }

    private async Task<bool> RunToolAsync(string tool, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec(tool, argv) { Timeout = ToolTimeout }, ct);
        return result.Succeeded ? true : throw new OperationFailedException($"{tool} failed: {result.LastErrorLine}");
    }
}
