using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Host.Processes;
using Carve.Lxc.Guests;

namespace Carve.Lxc.Driver;

/// <summary>
/// Container snapshots are snapshots of the rootfs volume, made by its pool (a reflink copy on dir, a subvolume
/// snapshot on btrfs). A running container is frozen while its files are captured, so the copy is consistent.
/// </summary>
public sealed class LxcSnapshots(
    LxcRuntime runtime, LxcLifecycle lifecycle, StoragePools pools, LxcConfigWriter config, IProcessRunner runner) : IGuestSnapshots
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public async Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct)
    {
        if (memory)
            throw new BadRequestException("Containers share the host's kernel, so there is no RAM state to save: snapshot without --memory.");
        var spec = CtSpec.Of(guest);
        var paths = runtime.Paths(guest);
        var frozen = runtime.IsRunning(guest) && await RunToolAsync("lxc-freeze", LxcCommands.Freeze(paths), ct);
        try
        {
            await pools.Get(spec.Pool).SnapshotVolumeAsync(spec.RootfsVolume, name, ct);
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
        var spec = CtSpec.Of(guest);
        if (runtime.IsRunning(guest))
        {
            task.Log("Stopping the container first: its files are about to be replaced.");
            await lifecycle.StopAsync(guest, task, ct);
        }
        await pools.Get(spec.Pool).RevertVolumeAsync(spec.RootfsVolume, snapshot.Name, ct);
        task.Log($"Rolled the root file system of {guest.Describe()} back to {snapshot.Name}; the container is stopped.");
    }

    public async Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct)
    {
        var spec = CtSpec.Of(guest);
        await pools.Get(spec.Pool).DeleteVolumeSnapshotAsync(spec.RootfsVolume, name, ct);
        task.Log($"Deleted snapshot {name}.");
    }

    public async Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct)
    {
        var from = CtSpec.Of(source);
        var to = CtSpec.Of(clone);
        var pool = pools.Get(from.Pool);
        task.Log($"Copying the root file system of {source.Describe()}{(snapshot is null ? "" : $" at snapshot {snapshot}")}.");
        await pool.CloneVolumeAsync(from.RootfsVolume, to.RootfsVolume, linked, snapshot, ct);
        var rootfs = pool.VolumePath(to.RootfsVolume);
        RootfsFiles.WriteHostname(rootfs, to.Hostname, LxcHostAccess.Mapping(to)?.ToHost(0) ?? 0);
        config.Write(clone.Config, runtime.Paths(clone), rootfs);
        // A reflink copy or a btrfs snapshot shares extents, never a dependency: the source may go.
        return false;
    }

    private async Task<bool> RunToolAsync(string tool, IReadOnlyList<string> argv, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec(tool, argv) { Timeout = ToolTimeout }, ct);
        return result.Succeeded ? true : throw new OperationFailedException($"{tool} failed: {result.LastErrorLine}");
    }
}
