using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Storage.Dir;

namespace Carve.Storage.Btrfs;

/// <summary>
/// A pool on a btrfs filesystem. Container root filesystems are subvolumes, so their snapshots and clones are
/// O(1) copy-on-write subvolume snapshots; image files (VM disks) are kept exactly as the dir pool keeps them.
/// Snapshots live in .snapshots/VOLUME/NAME as read-only subvolumes.
/// </summary>
public sealed class BtrfsStorageDriver(DirStorageDriver files, BtrfsTool btrfs) : IStorageDriver
{
    public string Type => "btrfs";

    public void Initialize(PoolOptions pool)
    {
        Directory.CreateDirectory(pool.Path);
        var format = new DriveInfo(pool.Path).DriveFormat;
        if (format != "btrfs")
            throw new OperationFailedException($"Pool {pool.Name} is of type btrfs, but {pool.Path} is on {format}; mount a btrfs filesystem there.");
    }

    public string VolumePath(PoolOptions pool, string volume) => files.VolumePath(pool, volume);

    public Task CreateVolumeAsync(PoolOptions pool, string volume, long sizeBytes, CancellationToken ct) => files.CreateVolumeAsync(pool, volume, sizeBytes, ct);

    public Task CopyFileVolumeAsync(PoolOptions pool, string volume, string sourcePath, CancellationToken ct) => files.CopyFileVolumeAsync(pool, volume, sourcePath, ct);

    public Task ImportVolumeAsync(PoolOptions pool, string volume, ImageInfo source, IProgress<int> progress, CancellationToken ct) =>
        files.ImportVolumeAsync(pool, volume, source, progress, ct);

    public Task<ImageInfo> InspectSourceAsync(ImageSource source, CancellationToken ct) => files.InspectSourceAsync(source, ct);

    public Task ImportVolumeAsync(PoolOptions pool, string volume, ImageSource source, IProgress<int> progress, CancellationToken ct) =>
        files.ImportVolumeAsync(pool, volume, source, progress, ct);

    public Task ExportVolumeAsync(PoolOptions pool, string volume, string targetPath, string format, IProgress<int> progress, CancellationToken ct) =>
        files.ExportVolumeAsync(pool, volume, targetPath, format, progress, ct);

    public async Task<string> CreateDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        if (Directory.Exists(path) || File.Exists(path))
            throw new ConflictException($"The volume {path} already exists; refusing to overwrite it.");
        await btrfs.CreateSubvolumeAsync(path, ct);
        return path;
    }

    public Task ResizeVolumeAsync(PoolOptions pool, string volume, long newSizeBytes, CancellationToken ct) => files.ResizeVolumeAsync(pool, volume, newSizeBytes, ct);

    public async Task DeleteVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        var snapshots = SnapshotLayout.Of(pool, volume);
        if (Directory.Exists(snapshots))
        {
            foreach (var snapshot in Directory.GetDirectories(snapshots))
                await DeleteSubvolumeAsync(snapshot, ct);
            Directory.Delete(snapshots, recursive: true);
        }
        if (Directory.Exists(path))
            await DeleteSubvolumeAsync(path, ct);
        else
            await files.DeleteVolumeAsync(pool, volume, ct);
    }

    public Task<ImageInfo> InspectAsync(string path, CancellationToken ct) => files.InspectAsync(path, ct);

    public PoolUsage Usage(PoolOptions pool) => files.Usage(pool);

    public async Task SnapshotVolumeAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        if (!Directory.Exists(path))
        {
            await files.SnapshotVolumeAsync(pool, volume, snapshot, ct);
            return;
        }
        var target = SnapshotPath(pool, volume, snapshot);
        if (Directory.Exists(target))
            throw new ConflictException($"The volume {volume} already has a snapshot '{snapshot}'.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // One ioctl: the snapshot exists whole or not at all.
        await btrfs.SnapshotAsync(path, target, readOnly: true, ct);
    }

    public async Task RevertVolumeAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        SnapshotLayout.ResumeInterruptedRevert(pool, volume, path);
        if (!Directory.Exists(path))
        {
            await files.RevertVolumeAsync(pool, volume, snapshot, ct);
            return;
        }
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

    public async Task DeleteVolumeSnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        if (!Directory.Exists(VolumePath(pool, volume)))
        {
            await files.DeleteVolumeSnapshotAsync(pool, volume, snapshot, ct);
            return;
        }
        var target = SnapshotPath(pool, volume, snapshot);
        if (Directory.Exists(target))
            await DeleteSubvolumeAsync(target, ct);
    }

    public Task<bool> HasVolumeSnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct) =>
        Directory.Exists(VolumePath(pool, volume))
            ? Task.FromResult(Directory.Exists(SnapshotPath(pool, volume, snapshot)))
            : files.HasVolumeSnapshotAsync(pool, volume, snapshot, ct);

    public async Task CloneVolumeAsync(PoolOptions pool, string source, string target, bool linked, string? snapshot, CancellationToken ct)
    {
        var from = VolumePath(pool, source);
        if (!Directory.Exists(from))
        {
            await files.CloneVolumeAsync(pool, source, target, linked, snapshot, ct);
            return;
        }
        var to = VolumePath(pool, target);
        if (Directory.Exists(to) || File.Exists(to))
            throw new ConflictException($"The volume {to} already exists; refusing to overwrite it.");
        // A writable snapshot shares every extent with its source: O(1) whatever the size, and independent after.
        await btrfs.SnapshotAsync(snapshot is null ? from : SnapshotPath(pool, source, snapshot), to, readOnly: false, ct);
    }

    private string SnapshotPath(PoolOptions pool, string volume, string snapshot)
    {
        VolumePath(pool, volume);
        return SnapshotLayout.Snapshot(pool, volume, snapshot);
    }

    private async Task DeleteSubvolumeAsync(string path, CancellationToken ct)
    {
        try
        {
            await btrfs.DeleteSubvolumeAsync(path, ct);
        }
        catch (OperationFailedException)
        {
            // Not a subvolume (a plain directory made by hand or by an older Carve): remove it as a tree.
            DirStorageDriver.DeleteTree(path);
        }
    }
}
