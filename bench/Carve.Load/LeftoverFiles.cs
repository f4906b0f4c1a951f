using System.Globalization;
using Carve.Contracts.Guests;

namespace Carve.Load;

/// <summary>Volumes, snapshot copies and LXC dirs on disk whose guest no longer exists.</summary>
internal static class LeftoverFiles
{
    public static IEnumerable<string> Find(string dataDir, IReadOnlyList<GuestSummary> guests)
    {
        var owners = guests.Select(g => $"{(g.Type == GuestKind.Ct ? "ct" : "vm")}-{g.Id.ToString(CultureInfo.InvariantCulture)}").ToHashSet();
        var pool = Path.Combine(dataDir, "pools", "local");
        var snapshots = Path.Combine(pool, ".snapshots");
        // Volumes are named after their guest, ct-ID-rootfs or vm-ID-disk0; the pool's own entries start with a dot.
        var volumes = Entries(pool).Where(n => !n.StartsWith('.')).Where(n => !owners.Contains(Owner(n)))
            .Select(n => $"Volume {n} is left in the pool, and its guest is gone.");
        var snapshotCopies = Entries(snapshots).Where(n => !owners.Contains(Owner(n)) && Entries(Path.Combine(snapshots, n)).Any())
            .Select(n => $"Snapshots of volume {n} are left in the pool, and its guest is gone.");
        var lxcDirs = Entries(Path.Combine(dataDir, "lxc")).Where(n => n.StartsWith("ct-", StringComparison.Ordinal) && !owners.Contains(n))
            .Select(n => $"The LXC dir {n} is left, and its container is gone.");
        return [.. volumes, .. snapshotCopies, .. lxcDirs];
    }

    /// <summary>ct-100 of ct-100-rootfs.</summary>
    private static string Owner(string volume) => string.Join('-', volume.Split('-').Take(2));

    private static IEnumerable<string> Entries(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFileSystemEntries(dir).Select(p => Path.GetFileName(p)!) : [];
}
