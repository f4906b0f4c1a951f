using Carve.Core.Configuration;
using Carve.Core.Storage;
using Carve.Host.Processes;

namespace Carve.Storage.Dir;

/// <summary>
/// A pool that is a plain directory, like Proxmox's "dir" storage: image files, and container root filesystems as
/// directories whose snapshots are copies under .snapshots/VOLUME/NAME, reflinked where the filesystem can (XFS,
/// btrfs) and copied otherwise.
/// </summary>
public sealed partial class DirStorageDriver(IProcessRunner runner) : IStorageDriver
{
    public const string TypeKey = "dir";

    public string Type => TypeKey;

    public void Initialize(PoolOptions pool) => Directory.CreateDirectory(pool.Path);

    public string VolumePath(PoolOptions pool, string volume) => PoolFiles.VolumePath(pool, volume);

    public PoolUsage Usage(PoolOptions pool) => PoolFiles.Usage(pool);

    public Task<string> CreateDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        Directory.CreateDirectory(path);
        return Task.FromResult(path);
    }

    public Task DeleteDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        PoolFiles.DeleteTree(path);
        PoolFiles.DeleteTree(path + ".part");
        PoolFiles.DeleteTree(SnapshotLayout.Of(pool, volume));
        return Task.CompletedTask;
    }
}
