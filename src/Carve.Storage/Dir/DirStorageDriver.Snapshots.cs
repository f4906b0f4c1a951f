using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Host.Processes;

namespace Carve.Storage.Dir;

/// <summary>Directory-volume snapshots and clones as copies made under a temporary name and renamed when whole.</summary>
public sealed partial class DirStorageDriver
{
    public async Task SnapshotDirectoryAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        var target = SnapshotPath(pool, volume, snapshot);
        if (Directory.Exists(target))
            throw new ConflictException($"The volume {volume} already has a snapshot '{snapshot}'.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Copy under a temporary name: a crash or a full disk halfway never leaves a snapshot that looks complete.
        await CopyTreeAsync(path, target + ".part", ct);
        Directory.Move(target + ".part", target);
    }

    public async Task RevertDirectoryAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        SnapshotLayout.ResumeInterruptedRevert(pool, volume, path);
        SnapshotLayout.RefuseMissingVolume(pool, volume, path);
        var source = SnapshotPath(pool, volume, snapshot);
        if (!Directory.Exists(source))
            throw new NotFoundException($"The volume {volume} has no snapshot '{snapshot}'.");
        var (fresh, old) = (SnapshotLayout.Restoring(pool, volume), SnapshotLayout.Replaced(pool, volume));
        await CopyTreeAsync(source, fresh, ct);
        PoolFiles.DeleteTree(old);
        Directory.Move(path, old);
        Directory.Move(fresh, path);
        PoolFiles.DeleteTree(old);
    }

    public Task DeleteDirectorySnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var target = SnapshotPath(pool, volume, snapshot);
        PoolFiles.DeleteTree(target + ".part");
        PoolFiles.DeleteTree(target);
        return Task.CompletedTask;
    }

    public Task<bool> HasDirectorySnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct) =>
        Task.FromResult(Directory.Exists(SnapshotPath(pool, volume, snapshot)));

    public async Task CloneDirectoryAsync(PoolOptions pool, string source, string target, string? snapshot, CancellationToken ct)
    {
        var from = snapshot is null ? VolumePath(pool, source) : SnapshotPath(pool, source, snapshot);
        var to = VolumePath(pool, target);
        // A directory has no backing chain: a reflink copy is the thinnest copy this pool can make.
        await CopyTreeAsync(from, to + ".part", ct);
        Directory.Move(to + ".part", to);
    }

    private string SnapshotPath(PoolOptions pool, string volume, string snapshot)
    {
        VolumePath(pool, volume);
        return SnapshotLayout.Snapshot(pool, volume, snapshot);
    }

    private async Task CopyTreeAsync(string source, string target, CancellationToken ct)
    {
        PoolFiles.DeleteTree(target);
        // cp keeps owners, modes, links, xattrs and holes (-a) and shares extents where it can (--reflink=auto).
        var result = await runner.RunAsync(new ProcessSpec("cp", ["--reflink=auto", "-a", "-T", source, target]), ct);
        if (!result.Succeeded)
        {
            PoolFiles.DeleteTree(target);
            throw new OperationFailedException($"Copying {source} failed: {result.LastErrorLine}");
        }
    }
}
