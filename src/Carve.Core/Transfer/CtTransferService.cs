using Carve.Contracts.Containers;
using Carve.Contracts.Tasks;
using Carve.Contracts.Transfer;
using Carve.Core.Containers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Validation;

namespace Carve.Core.Transfer;

/// <summary>
/// carve ct export and import. The export is a `ct-export` task of the <see cref="ExportService"/> (same store,
/// same download path) writing NAME.tar.zst: carve-ct.json, then the rootfs with 0-based ids. The import is the
/// ordinary container create with the tarball as its template, so the rootfs goes through the safe extraction and
/// a failure removes the container again.
/// </summary>
public sealed class CtTransferService(
    GuestStore guests, StoragePools pools, ExportService exports, PathGuard paths, CtService cts, ICtArchiver archiver)
{
    public const string Format = "tar.zst";

    public TaskView Export(string reference, string user)
    {
        var guest = guests.ResolveKind(reference, CtService.Kind);
        exports.RefuseRunning(guest);
        var config = CtConfig.FromJson(guest.ConfigJson);
        return exports.Submit("ct-export", user, guest, Format, async (dir, task, ct) =>
        {
            var pool = pools.Get(config.Pool);
            var rootfs = pool.VolumePath(config.RootfsVolume);
            var file = $"{guest.Name}.{Format}";
            task.Log($"Packing the root file system of {guest.Describe()} as {file}.");
            var (idBase, idCount) = config.Privileged ? (0, int.MaxValue) : (config.IdMapStart, config.IdMapCount);
            await archiver.WriteAsync(rootfs, idBase, idCount, CtArchiveConfig.From(config), Path.Combine(dir, file), ct);
        });
    }

    /// <summary>
    /// Settings come from carve-ct.json unless the request overrides them. Mounts are never taken from the
    /// tarball: they name host paths, and an imported file must not choose what of the host a container sees.
    /// </summary>
    public async Task<TaskView> ImportAsync(ImportCtRequest request, string user, CancellationToken ct)
    {
        var path = paths.ConfineExistingFile("container export", request.Path);
        CtArchiveConfig archived;
        try
        {
            archived = await archiver.ReadConfigAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadRequestException($"Cannot read {path}: {e.Message}");
        }
        return cts.Create(new CreateCtRequest
        {
            Name = request.Name,
            Id = request.Id,
            Template = path,
            Cpus = request.Cpus ?? archived.Cpus,
            MemoryMiB = request.MemoryMiB ?? archived.MemoryMiB,
            Hostname = request.Hostname ?? archived.Hostname,
            Privileged = request.Privileged ?? archived.Privileged,
            Pool = request.Pool,
            Description = archived.Description,
            Start = request.Start,
        }, user);
    }
}
