using Carve.Core.Configuration;
using Carve.Core.Errors;

namespace Carve.Storage;

/// <summary>
/// Where directory-volume snapshots live in a pool, for every pool type: .snapshots/VOLUME/NAME, with the two
/// scratch names a revert uses. Names starting with a dot can never be volumes, so these never collide.
/// </summary>
internal static class SnapshotLayout
{
    public const string Root = ".snapshots";

    public static string Of(PoolOptions pool, string volume) => Path.Combine(pool.Path, Root, volume);

    public static string Snapshot(PoolOptions pool, string volume, string snapshot) =>
        snapshot.Length == 0 || snapshot.Contains('/') || snapshot.StartsWith('.')
            ? throw new BadRequestException($"Invalid snapshot name '{snapshot}'.")
            : Path.Combine(Of(pool, volume), snapshot);

    /// <summary>The volume's previous tree while a revert swaps the new one in.</summary>
    public static string Replaced(PoolOptions pool, string volume) => Path.Combine(Of(pool, volume), ".replaced");

    /// <summary>The new tree a revert builds before it swaps it in.</summary>
    public static string Restoring(PoolOptions pool, string volume) => Path.Combine(Of(pool, volume), ".restoring");

    /// <summary>A revert interrupted between its two renames left the volume only under the replaced name: put it back.</summary>
    public static void ResumeInterruptedRevert(PoolOptions pool, string volume, string volumePath)
    {
        var old = Replaced(pool, volume);
        if (!Directory.Exists(volumePath) && Directory.Exists(old))
            Directory.Move(old, volumePath);
    }

    /// <summary>A revert needs the volume it reverts (after <see cref="ResumeInterruptedRevert"/> had its chance).</summary>
    public static void RefuseMissingVolume(PoolOptions pool, string volume, string volumePath)
    {
        if (!Directory.Exists(volumePath))
            throw new NotFoundException($"Pool {pool.Name} has no volume {volume}.");
    }
}
