using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Storage;

/// <summary>What every pool on a mounted filesystem (dir, btrfs) does alike: volume names, free space, removing trees.</summary>
internal static class PoolFiles
{
    /// <summary>POOL/VOLUME. Names starting with a dot are the pool's own (.snapshots), so a volume can never be one.</summary>
    public static string VolumePath(PoolOptions pool, string volume)
    {
        if (volume.Length == 0 || volume.Contains('/') || volume.StartsWith('.'))
            throw new BadRequestException($"Invalid volume name '{volume}'.");
        return Path.Combine(pool.Path, volume);
    }

    public static PoolUsage Usage(PoolOptions pool)
    {
        try
        {
            var drive = new DriveInfo(pool.Path);
            return new PoolUsage(drive.TotalSize, drive.AvailableFreeSpace);
        }
        catch (IOException)
        {
            return new PoolUsage(0, 0);
        }
    }

    /// <summary>Removes a directory tree; a missing one is fine.</summary>
    public static void DeleteTree(string path)
    {
        // A container rootfs may hold symlinks to anywhere: Directory.Delete removes links inside the tree, never
        // what they point to, and a link in place of the tree itself is not followed at all.
        if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
            Directory.Delete(path, recursive: true);
    }
}
