using Carve.Core.Configuration;
using Carve.Core.Errors;

namespace Carve.Storage.Btrfs;

/// <summary>Directory-volume snapshots and clones as btrfs subvolume snapshots: one ioctl each, whole or not at all.</summary>
public sealed partial class BtrfsStorageDriver
{
    public async Task SnapshotDirectoryAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        var target = SnapshotPath(pool, volume, snapshot);
        if (Directory.Exists(target))
            throw new ConflictException($"The volume {volume} already has a snapshot '{snapshot}'.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await btrfs.SnapshotAsync(path, target, readOnly: true, ct);
    }

    public async Task RevertDirectoryAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        SnapshotLayout.ResumeInterruptedRevert(pool, volume, path);
        SnapshotLayout.RefuseMissingVolume(pool, volume, path);
        var source = SnapshotPath(pool, volume, snapshot);
        if (!Directory.Exists(source))
            throw new NotFoundException($"The volume {volume} has no snapshot '{snapshot}'.");
        var (fresh, old) = (SnapshotLayout.Restoring(pool, volume), SnapshotLayout.Replaced(pool, volume));
        if (Directory.Exists(fresh))
            await DeleteSubvolumeAsync(fresh, ct);
        if (Directory.Exists(old))
            await DeleteSubvolumeAsync(old, ct);
        await btrfs.SnapshotAsync(source, fresh, readOnly: false, ct);
        Directory.Move(path, old);
        Directory.Move(fresh, path);
        await DeleteSubvolumeAsync(old, ct);
    }

    public async Task DeleteDirectorySnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var target = SnapshotPath(pool, volume, snapshot);
        if (Directory.Exists(target))
            await DeleteSubvolumeAsync(target, ct);
    }

    public Task<bool> HasDirectorySnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct) =>
        Task.FromResult(Directory.Exists(SnapshotPath(pool, volume, snapshot)));

    public async Task CloneDirectoryAsync(PoolOptions pool, string source, string target, string? snapshot, CancellationToken ct)
    {
        var from = snapshot is null ? VolumePath(pool, source) : SnapshotPath(pool, source, snapshot);
        // A writable snapshot shares every extent with its source: O(1) whatever the size, and independent after.
        await btrfs.SnapshotAsync(from, VolumePath(pool, target), readOnly: false, ct);
    }

    private string SnapshotPath(PoolOptions pool, string volume, string snapshot)
    {
        VolumePath(pool, volume);
        return SnapshotLayout.Snapshot(pool, volume, snapshot);
    }
}
