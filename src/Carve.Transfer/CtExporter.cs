using Carve.Core.Exports;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Lxc.Guests;
using Carve.Lxc.Rootfs;

namespace Carve.Transfer;

/// <summary>
/// carve ct export: NAME.tar.zst holding carve-ct.json, then the rootfs with 0-based ids, so that it imports on
/// any host whatever id range the container had here.
/// </summary>
public sealed class CtExporter(StoragePools pools, ICtArchiver archiver) : IGuestExporter
{
    public const string Format = "tar.zst";

    public IReadOnlyList<string> Formats { get; } = [Format];

    public void Check(GuestRecord guest)
    {
    }

    public async Task WriteAsync(GuestRecord guest, string format, string dir, ITaskContext task, CancellationToken ct)
    {
        var spec = CtSpec.Of(guest);
        var rootfs = pools.Get(spec.Pool).VolumePath(spec.RootfsVolume);
        var file = $"{guest.Name}.{Format}";
        task.Log($"Packing the root file system of {guest.Describe()} as {file}.");
        var (idBase, idCount) = spec.Privileged ? (0, int.MaxValue) : (spec.IdMapStart, spec.IdMapCount);
        await archiver.WriteAsync(rootfs, idBase, idCount, CtArchiveConfig.From(guest.Config), Path.Combine(dir, file), ct);
    }
}
