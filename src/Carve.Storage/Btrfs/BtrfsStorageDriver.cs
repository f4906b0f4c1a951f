using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Storage.Btrfs;

/// <summary>
/// A pool on a btrfs filesystem. Container root filesystems are subvolumes, so their snapshots and clones are
/// O(1) copy-on-write subvolume snapshots; image files (VM disks) are kept as in any pool, by the image tool.
/// Snapshots live in .snapshots/VOLUME/NAME as read-only subvolumes.
/// </summary>
public sealed partial class BtrfsStorageDriver(BtrfsTool btrfs) : IStorageDriver
{
    public const string TypeKey = "btrfs";

    public string Type => TypeKey;

    public void Initialize(PoolOptions pool)
    {
        Directory.CreateDirectory(pool.Path);
        var format = new DriveInfo(pool.Path).DriveFormat;
        if (format != "btrfs")
            throw new OperationFailedException($"Pool {pool.Name} is of type btrfs, but {pool.Path} is on {format}; mount a btrfs filesystem there.");
    }

    public string VolumePath(PoolOptions pool, string volume) => PoolFiles.VolumePath(pool, volume);

    public PoolUsage Usage(PoolOptions pool) => PoolFiles.Usage(pool);

    public async Task<string> CreateDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        await btrfs.CreateSubvolumeAsync(path, ct);
        return path;
    }

    public async Task DeleteDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        var snapshots = SnapshotLayout.Of(pool, volume);
        if (Directory.Exists(snapshots))
        {
            foreach (var snapshot in Directory.GetDirectories(snapshots))
                await DeleteSubvolumeAsync(snapshot, ct);
            Directory.Delete(snapshots, recursive: true);
        }
        if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
            await DeleteSubvolumeAsync(path, ct);
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
            PoolFiles.DeleteTree(path);
        }
    }
}
