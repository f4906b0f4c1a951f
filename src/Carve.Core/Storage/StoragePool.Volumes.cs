using Carve.Core.Errors;

namespace Carve.Core.Storage;

/// <summary>Making, filling, growing and deleting volumes. A file volume is never left looking complete when it is not.</summary>
public sealed partial class StoragePool
{
    /// <summary>An empty qcow2 volume of the given virtual size.</summary>
    public async Task CreateVolumeAsync(string volume, long sizeBytes, CancellationToken ct)
    {
        var path = VolumePath(volume);
        RefuseExisting(path);
        await images.CreateAsync(path, sizeBytes, ct);
    }

    /// <summary>A raw volume holding a byte copy of <paramref name="sourcePath"/> (UEFI variables of older VMs).</summary>
    public async Task CopyFileVolumeAsync(string volume, string sourcePath, CancellationToken ct)
    {
        var path = VolumePath(volume);
        RefuseExisting(path);
        await using var source = File.OpenRead(sourcePath);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await source.CopyToAsync(target, ct);
        await target.FlushAsync(ct);
        RandomAccess.FlushToDisk(target.SafeFileHandle); // fsync: FlushAsync has no flushToDisk
    }

    /// <summary>A qcow2 volume converted from any image qemu-img reads (a file or a byte range of one), kept sparse.</summary>
    public async Task ImportVolumeAsync(string volume, ImageSource source, IProgress<int> progress, CancellationToken ct)
    {
        var path = VolumePath(volume);
        RefuseExisting(path);
        await WhenFullAsync($"volume {volume}", () => WriteWholeAsync(path, partial => images.ConvertAsync(source, partial, progress, ct)));
    }

    /// <summary>
    /// Writes a copy of a volume to <paramref name="targetPath"/> (a new file), sparse where the format allows:
    /// vmdk-stream (streamOptimized, for OVA), vmdk (monolithicSparse), vhdx, qcow2 or raw.
    /// </summary>
    public Task ExportVolumeAsync(string volume, string targetPath, string format, IProgress<int> progress, CancellationToken ct) =>
        images.ExportAsync(VolumePath(volume), targetPath, format, progress, ct);

    /// <summary>What qemu-img says about a file volume.</summary>
    public Task<ImageInfo> InspectVolumeAsync(string volume, CancellationToken ct) => images.InspectAsync(VolumePath(volume), ct);

    public Task ResizeVolumeAsync(string volume, long newSizeBytes, CancellationToken ct) => images.ResizeAsync(VolumePath(volume), newSizeBytes, ct);

    /// <summary>An empty directory volume for a container's root filesystem; returns its path.</summary>
    public async Task<string> CreateDirectoryVolumeAsync(string volume, CancellationToken ct)
    {
        RefuseExisting(VolumePath(volume));
        return await driver.CreateDirectoryVolumeAsync(options, volume, ct);
    }

    /// <summary>Deletes a file or directory volume with its snapshots and leftovers; a missing one is fine.</summary>
    public async Task DeleteVolumeAsync(string volume, CancellationToken ct)
    {
        var path = VolumePath(volume);
        // A file, a link or nothing: unlinked here. A real directory is the driver's (its rootfs may hold links to anywhere).
        if (!IsDirectoryVolume(path))
            File.Delete(path);
        if (File.Exists(path + PartSuffix))
            File.Delete(path + PartSuffix);
        // Also for a file volume: a directory volume's snapshots may outlive it when a delete was interrupted.
        await driver.DeleteDirectoryVolumeAsync(options, volume, ct);
    }

    /// <summary>A real directory, not a link to one: links are never followed into.</summary>
    private static bool IsDirectoryVolume(string path) =>
        Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint);

    private static void RefuseExisting(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
            throw new ConflictException($"The volume {path} already exists; refusing to overwrite it.");
    }

    /// <summary>Writes a file under a temporary name and renames it: a crash halfway never leaves a volume that looks complete.</summary>
    private static async Task WriteWholeAsync(string path, Func<string, Task> write)
    {
        var partial = path + PartSuffix;
        File.Delete(partial);
        try
        {
            await write(partial);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
