using Carve.Contracts.Containers;
using Carve.Contracts.Transfer;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Validation;
using Carve.Lxc.Guests;
using Carve.Lxc.Rootfs;

namespace Carve.Transfer;

/// <summary>
/// carve ct import: the ordinary container create with the export tarball as its template, so the rootfs goes
/// through the safe extraction and a failure removes the container again.
/// </summary>
public sealed class CtImportFactory(PathGuard paths, ICtArchiver archiver, CtFactory containers) : IGuestFactory<ImportCtRequest>
{
    /// <summary>
    /// Settings come from carve-ct.json unless the request overrides them. Mounts are never taken from the
    /// tarball: they name host paths, and an imported file must not choose what of the host a container sees.
    /// </summary>
    public async Task<GuestDraft> DraftAsync(ImportCtRequest request, CancellationToken ct)
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
        return await containers.DraftAsync(new CreateCtRequest
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
        }, ct);
    }
}
