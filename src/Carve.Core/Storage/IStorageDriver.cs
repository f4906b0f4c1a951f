using Carve.Core.Configuration;

namespace Carve.Core.Storage;

/// <summary>One type of storage pool (dir now; btrfs, LVM-thin, ZFS later). Volumes are named by the core.</summary>
public interface IStorageDriver
{
    string Type { get; }

    /// <summary>Makes sure the pool exists and is usable.</summary>
    void Initialize(PoolOptions pool);

    string VolumePath(PoolOptions pool, string volume);

    /// <summary>An empty qcow2 volume of the given virtual size.</summary>
    Task CreateVolumeAsync(PoolOptions pool, string volume, long sizeBytes, CancellationToken ct);

    /// <summary>A raw volume holding a copy of <paramref name="sourcePath"/> (e.g. UEFI vars).</summary>
    Task CopyFileVolumeAsync(PoolOptions pool, string volume, string sourcePath, CancellationToken ct);

    /// <summary>Converts any image qemu-img reads into a qcow2 volume, keeping it sparse.</summary>
    Task ImportVolumeAsync(PoolOptions pool, string volume, ImageInfo source, IProgress<int> progress, CancellationToken ct);

    /// <summary>
    /// What qemu-img says about an image to import, read in its named format. Refuses an image that refers to
    /// any other file (a backing file, an external data file): importing it would read files nobody named.
    /// </summary>
    Task<ImageInfo> InspectSourceAsync(ImageSource source, CancellationToken ct);

    /// <summary>Like the other overload, from a source that may be a byte range of a file (a disk inside an OVA).</summary>
    Task ImportVolumeAsync(PoolOptions pool, string volume, ImageSource source, IProgress<int> progress, CancellationToken ct);

    /// <summary>
    /// Writes a copy of a volume to <paramref name="targetPath"/> (a new file), sparse where the format allows:
    /// vmdk-stream (streamOptimized, for OVA), vmdk (monolithicSparse), vhdx, qcow2 or raw.
    /// </summary>
    Task ExportVolumeAsync(PoolOptions pool, string volume, string targetPath, string format, IProgress<int> progress, CancellationToken ct);

    /// <summary>An empty directory volume for a container's root filesystem; returns its path.</summary>
    Task<string> CreateDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct);

    Task ResizeVolumeAsync(PoolOptions pool, string volume, long newSizeBytes, CancellationToken ct);

    /// <summary>Deletes a file or directory volume; a missing one is fine.</summary>
    Task DeleteVolumeAsync(PoolOptions pool, string volume, CancellationToken ct);

    Task<ImageInfo> InspectAsync(string path, CancellationToken ct);

    PoolUsage Usage(PoolOptions pool);

    /// <summary>
    /// Snapshot <paramref name="snapshot"/> of a volume: an internal snapshot of a qcow2 file (the VM must be
    /// stopped), or a copy of a directory volume made as cheaply as the filesystem allows.
    /// </summary>
    Task SnapshotVolumeAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    /// <summary>Returns a volume to its snapshot; the snapshot stays.</summary>
    Task RevertVolumeAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    /// <summary>Drops a snapshot of a volume; a missing one is fine, so an interrupted delete can be run again.</summary>
    Task DeleteVolumeSnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    Task<bool> HasVolumeSnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    /// <summary>
    /// A new volume holding a copy of another, as it is or at one of its snapshots. <paramref name="linked"/> asks
    /// for a thin copy that shares the source's data (a qcow2 backing file); the source must never change after.
    /// </summary>
    Task CloneVolumeAsync(PoolOptions pool, string source, string target, bool linked, string? snapshot, CancellationToken ct);
}
