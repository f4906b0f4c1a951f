using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Host.Processes;

namespace Carve.Storage.Dir;

/// <summary>
/// Snapshots: qcow2 volumes keep them inside the image (qemu-img snapshot); directory volumes (container rootfs)
/// get a copy under .snapshots/VOLUME/NAME, reflinked where the filesystem can (XFS, btrfs), copied otherwise.
/// </summary>
public sealed partial class DirStorageDriver
{
    public async Task SnapshotVolumeAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        if (!Directory.Exists(path))
        {
            await qemuImg.SnapshotCreateAsync(path, snapshot, ct);
            return;
        }
        var target = DirectorySnapshotPath(pool, volume, snapshot);
        if (Directory.Exists(target))
            throw new ConflictException($"The volume {volume} already has a snapshot '{snapshot}'.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Copy under a temporary name: a crash or a full disk halfway never leaves a snapshot that looks complete.
        await CopyTreeAsync(path, target + ".part", ct);
        Directory.Move(target + ".part", target);
    }

    public async Task RevertVolumeAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        SnapshotLayout.ResumeInterruptedRevert(pool, volume, path);
        if (!Directory.Exists(path))
        {
            await qemuImg.SnapshotApplyAsync(path, snapshot, ct);
            return;
        }
        var source = DirectorySnapshotPath(pool, volume, snapshot);
        if (!Directory.Exists(source))
            throw new NotFoundException($"The volume {volume} has no snapshot '{snapshot}'.");
        var (fresh, old) = (SnapshotLayout.Restoring(pool, volume), SnapshotLayout.Replaced(pool, volume));
        await CopyTreeAsync(source, fresh, ct);
        DeleteTree(old);
        Directory.Move(path, old);
        Directory.Move(fresh, path);
        DeleteTree(old);
    }

    public async Task DeleteVolumeSnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        if (Directory.Exists(path))
        {
            var target = DirectorySnapshotPath(pool, volume, snapshot);
            DeleteTree(target + ".part");
            DeleteTree(target);
            return;
        }
        if (File.Exists(path) && await HasVolumeSnapshotAsync(pool, volume, snapshot, ct))
            await qemuImg.SnapshotDeleteAsync(path, snapshot, ct);
    }

    public async Task<bool> HasVolumeSnapshotAsync(PoolOptions pool, string volume, string snapshot, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        if (Directory.Exists(path))
            return Directory.Exists(DirectorySnapshotPath(pool, volume, snapshot));
        return File.Exists(path) && (await qemuImg.SnapshotListAsync(path, ct)).Contains(snapshot);
    }

    public async Task CloneVolumeAsync(PoolOptions pool, string source, string target, bool linked, string? snapshot, CancellationToken ct)
    {
        var from = VolumePath(pool, source);
        var to = VolumePath(pool, target);
        if (File.Exists(to) || Directory.Exists(to))
            throw new ConflictException($"The volume {to} already exists; refusing to overwrite it.");
        if (Directory.Exists(from))
        {
            // A directory has no backing chain: a reflink copy is the thinnest copy this pool can make.
            await CopyTreeAsync(snapshot is null ? from : DirectorySnapshotPath(pool, source, snapshot), to + ".part", ct);
            Directory.Move(to + ".part", to);
            return;
        }
        if (linked)
        {
            if (snapshot is not null)
                throw new BadRequestException("A linked clone is backed by the volume as it is; it cannot start from a snapshot. Make a full clone.");
            await qemuImg.CreateBackedAsync(to, from, ct);
            return;
        }
        File.Delete(to + ".part");
        try
        {
            await qemuImg.CopyAsync(from, to + ".part", snapshot, null, ct);
            File.Move(to + ".part", to);
        }
        finally
        {
            File.Delete(to + ".part");
        }
    }

    private string DirectorySnapshotPath(PoolOptions pool, string volume, string snapshot)
    {
        VolumePath(pool, volume);
        return SnapshotLayout.Snapshot(pool, volume, snapshot);
    }

    private async Task CopyTreeAsync(string source, string target, CancellationToken ct)
    {
        DeleteTree(target);
        // cp keeps owners, modes, links, xattrs and holes (-a) and shares extents where it can (--reflink=auto).
        var result = await runner.RunAsync(new ProcessSpec("cp", ["--reflink=auto", "-a", "-T", source, target]), ct);
        if (!result.Succeeded)
        {
            DeleteTree(target);
            throw new OperationFailedException($"Copying {source} failed: {result.LastErrorLine}");
        }
    }

    internal static void DeleteTree(string path)
    {
        // Directory.Delete removes symlinks inside the tree, never what they point to.
        if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
            Directory.Delete(path, recursive: true);
    }
}
