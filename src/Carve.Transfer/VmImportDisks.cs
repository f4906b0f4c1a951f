using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Qemu.Guests;

namespace Carve.Transfer;

/// <summary>Copies the disks of a package into a new VM's volumes, each checked against what the package declares.</summary>
public sealed class VmImportDisks(IImageTool images)
{
    public async Task ImportAsync(IReadOnlyList<ImportDisk> planned, IReadOnlyList<VmDisk> disks, StoragePool pool, ITaskContext task, CancellationToken ct)
    {
        // Every disk is inspected before the first is written: a lie in the last one fails before any copy.
        var sizes = new long[planned.Count];
        for (var i = 0; i < planned.Count; i++)
            sizes[i] = await CheckAsync(images, planned[i], task, ct);

        var total = Math.Max(1, sizes.Sum());
        var done = 0L;
        for (var i = 0; i < planned.Count; i++)
        {
            var (disk, target, before, share) = (planned[i], disks[i], done, sizes[i]);
            var progress = new InlineProgress<int>(p => task.Progress((int)((before + (share * p / 100)) * 100 / total)));
            if (disk.Source is not { } source)
            {
                task.Log($"Creating {target.Name}: a blank {Sizes.Format(share)} disk, as the OVF asks.");
                await pool.CreateVolumeAsync(target.Volume, share, ct);
            }
            else
            {
                task.Log($"Copying {disk.Label} to {target.Name} ({target.Bus}) in pool {pool.Name}.");
                await CopyAsync(pool, disk, source, target, progress, ct);
                if (disk.DeclaredCapacity is { } capacity && capacity > share)
                {
                    await pool.ResizeVolumeAsync(target.Volume, capacity, ct);
                    task.Log($"Grew {target.Name} from {Sizes.Format(share)} to the {Sizes.Format(capacity)} the OVF declares.");
                }
            }
            done += share;
        }
    }

    /// <summary>The disk's virtual size, checked against the limit and against what the package declares.</summary>
    private static async Task<long> CheckAsync(IImageTool images, ImportDisk disk, ITaskContext task, CancellationToken ct)
    {
        if (disk.Source is not { } source)
            return disk.DeclaredCapacity ?? throw new BadRequestException($"The {disk.Label} has no capacity.");
        var info = await images.InspectSourceAsync(source, ct);
        var size = info.VirtualSizeBytes;
        if (size <= 0)
            throw new BadRequestException($"{disk.Label} is an empty image.");
        if (size > Sizes.MaxDiskBytes)
            throw new BadRequestException($"{disk.Label} is a disk of {Sizes.Format(size)}, more than the 64 TiB a disk may have.");
        if (disk.DeclaredCapacity is { } declared && size > declared)
            throw new BadRequestException(
                $"{disk.Label} holds a disk of {Sizes.Format(size)}, but the OVF declares {Sizes.Format(declared)}: the package is damaged or forged.");
        task.Log($"{disk.Label}: {source.Format}, {Sizes.Format(size)}.");
        return size;
    }

    /// <summary>
    /// qemu-img converts while the manifest digest is computed beside it, so the data is read at the speed of one
    /// pass; a wrong digest or a pool about to fill stops the copy, and the task's cleanup removes the volume.
    /// </summary>
    private static async Task CopyAsync(
        StoragePool pool, ImportDisk disk, ImageSource source, VmDisk target, IProgress<int> progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
#pragma warning disable CA2025 // the finally below awaits the digest before `stop` is disposed, on every path
        var digest = disk.Digest is { } expected ? VerifyAsync(source, expected, stop) : Task.CompletedTask;
#pragma warning restore CA2025
        try
        {
            await using var space = SpaceGuard.Watch(pool, stop);
            try
            {
                await pool.ImportVolumeAsync(target.Volume, source, progress, stop.Token);
            }
            catch when (!ct.IsCancellationRequested)
            {
                // The digest or the space guard may have stopped the copy: their reason is the one to give.
                await stop.CancelAsync();
                await digest.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (digest.Exception?.InnerException is BadRequestException mismatch)
                    throw mismatch;
                space.ThrowIfExceeded(disk.Label);
                throw;
            }
            await digest;
        }
        finally
        {
            // Cancelled, or the guard failed: the digest still reads beside the copy and may cancel `stop`; it ends
            // before `stop` is disposed.
            if (!digest.IsCompleted)
            {
                await stop.CancelAsync();
                await digest.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static async Task VerifyAsync(ImageSource source, ManifestEntry expected, CancellationTokenSource stop)
    {
        try
        {
            await DigestCheck.VerifyAsync(source.Path, source.Offset, source.Length ?? new FileInfo(source.Path).Length, expected, stop.Token);
        }
        catch (BadRequestException)
        {
            await stop.CancelAsync();
            throw;
        }
    }
}
