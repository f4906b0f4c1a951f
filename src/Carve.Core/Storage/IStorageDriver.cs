using Carve.Core.Configuration;

namespace Carve.Core.Storage;

/// <summary>
/// What one type of storage pool (dir, btrfs; LVM-thin, ZFS later) does its own way: where volumes live, how much
/// room there is, and directory volumes (container root filesystems) with their snapshots and clones. Image files
/// are the same in every pool and belong to <see cref="IImageTool"/>; <see cref="StoragePool"/> joins the two.
/// Registered keyed by <see cref="Type"/>.
/// </summary>
public interface IStorageDriver
{
    string Type { get; }

    /// <summary>Makes sure the pool exists and is usable.</summary>
    void Initialize(PoolOptions pool);

    /// <summary>Where a volume lives; refuses names that could leave the pool.</summary>
    string VolumePath(PoolOptions pool, string volume);

    PoolUsage Usage(PoolOptions pool);

    /// <summary>An empty directory volume for a container's root filesystem; returns its path. The pool made sure nothing is there.</summary>
    Task<string> CreateDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct);

    /// <summary>Deletes a directory volume and its snapshots; whatever is missing is fine.</summary>
    Task DeleteDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct);

    /// <summary>Snapshot <paramref name="snapshot"/> of a directory volume, made as cheaply as the filesystem allows, and whole or not at all.</summary>
    Task SnapshotDirectoryAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    /// <summary>Returns a directory volume to its snapshot; the snapshot stays. Finishes a revert that was interrupted.</summary>
    Task RevertDirectoryAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    /// <summary>Drops a snapshot of a directory volume; a missing one is fine.</summary>
    Task DeleteDirectorySnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    Task<bool> HasDirectorySnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct);

    /// <summary>
    /// A new directory volume holding a copy of another as it is or at one of its snapshots, independent of it after.
    /// The pool made sure the target is free.
    /// </summary>
    Task CloneDirectoryAsync(PoolOptions pool, string source, string target, string? snapshot, CancellationToken ct);
}
