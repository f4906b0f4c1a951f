using Carve.Core.Errors;

namespace Carve.Core.Storage;

/// <summary>
/// Snapshots and clones: a qcow2 volume keeps its snapshots inside the image (the image tool), a directory volume
/// gets them from the pool's driver (a reflink copy, a btrfs subvolume snapshot).
/// </summary>
public sealed partial class StoragePool
{
    /// <summary>Snapshot <paramref name="snapshot"/> of a volume; a qcow2 volume's VM must be stopped.</summary>
    public Task SnapshotVolumeAsync(string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(volume);
        return WhenFullAsync($"snapshot {snapshot} of volume {volume}", () => Directory.Exists(path)
            ? driver.SnapshotDirectoryAsync(options, volume, snapshot, ct)
            : images.CreateSnapshotAsync(path, snapshot, ct));
    }

    /// <summary>Returns a volume to its snapshot; the snapshot stays.</summary>
    public Task RevertVolumeAsync(string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(volume);
        // Not a file: a directory volume, or one briefly missing because a revert stopped between its two renames,
        // which the driver finishes first.
        return File.Exists(path)
            ? images.RevertSnapshotAsync(path, snapshot, ct)
            : driver.RevertDirectoryAsync(options, volume, snapshot, ct);
    }

    /// <summary>Drops a snapshot of a volume; a missing one (or volume) is fine, so an interrupted delete can be run again.</summary>
    public async Task DeleteVolumeSnapshotAsync(string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(volume);
        if (Directory.Exists(path))
            await driver.DeleteDirectorySnapshotAsync(options, volume, snapshot, ct);
        else if (File.Exists(path))
            await images.DeleteSnapshotAsync(path, snapshot, ct);
    }

    public async Task<bool> HasVolumeSnapshotAsync(string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(volume);
        if (Directory.Exists(path))
            return await driver.HasDirectorySnapshotAsync(options, volume, snapshot, ct);
        return File.Exists(path) && await images.HasSnapshotAsync(path, snapshot, ct);
    }

    /// <summary>
    /// A new volume holding a copy of another, as it is or at one of its snapshots. <paramref name="linked"/> asks
    /// for a thin copy that shares the source's data (a qcow2 backing file); the source must never change after.
    /// A directory volume has no backing chain: its clone is the cheapest independent copy the driver can make.
    /// </summary>
    public async Task CloneVolumeAsync(string source, string target, bool linked, string? snapshot, CancellationToken ct)
    {
        var from = VolumePath(source);
        var to = VolumePath(target);
        RefuseExisting(to);
        if (Directory.Exists(from))
        {
            await driver.CloneDirectoryAsync(options, source, target, snapshot, ct);
            return;
        }
        if (linked)
        {
            if (snapshot is not null)
                throw new BadRequestException("A linked clone is backed by the volume as it is; it cannot start from a snapshot. Make a full clone.");
            await images.CreateOverlayAsync(to, from, ct);
            return;
        }
        await WriteWholeAsync(to, partial => images.CopyAsync(from, partial, snapshot, ct));
    }
}
