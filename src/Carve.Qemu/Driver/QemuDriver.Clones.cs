using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Core.Vms;

namespace Carve.Qemu.Driver;

/// <summary>Clones: new volumes (full copies or qcow2 overlays backed by a template's), a new UUID and new MACs.</summary>
public sealed partial class QemuDriver
{
    public string CloneConfig(GuestRecord source, int cloneId, string cloneName, IReadOnlyList<VmNic> nics)
    {
        var config = VmConfig.FromJson(source.ConfigJson);
        return (config with
        {
            Uuid = Guid.NewGuid().ToString(),
            Disks = config.Disks.Select(d => d with { Volume = $"vm-{cloneId}-{d.Name}.qcow2", Format = "qcow2" }).ToList(),
            EfiVars = config.EfiVars is null ? null : config.EfiVars with { Volume = $"vm-{cloneId}-efivars.qcow2", Format = "qcow2" },
            Nics = nics,
        }).ToJson();
    }

    public async Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct)
    {
        var from = VmConfig.FromJson(source.ConfigJson);
        var to = VmConfig.FromJson(clone.ConfigJson);
        if (snapshot is null && !linked && locator.Find(Paths(source)) is not null)
            throw new ConflictException($"{source.Describe()} is running: its disks change while they are copied. Stop it, or clone from a snapshot.");
        for (var i = 0; i < from.Disks.Count; i++)
        {
            var pool = pools.Get(from.Disks[i].Pool);
            task.Log($"{(linked ? "Linking" : "Copying")} {from.Disks[i].Name}{(snapshot is null ? "" : $" at snapshot {snapshot}")}.");
            await pool.CloneVolumeAsync(from.Disks[i].Volume, to.Disks[i].Volume, linked, snapshot, ct);
            task.Progress((i + 1) * 90 / from.Disks.Count);
        }
        if (from.EfiVars is { } vars && to.EfiVars is { } newVars)
        {
            // The variable store is tiny and written by the firmware: always a full copy of its own.
            var pool = pools.Get(vars.Pool);
            var path = pool.VolumePath(vars.Volume);
            if (VarsFormat(path) == "raw")
                await pool.ImportVolumeAsync(newVars.Volume,
                    new Core.Storage.ImageSource(path, "raw"), new Progress<int>(), ct);
            else
                await pool.CloneVolumeAsync(vars.Volume, newVars.Volume, linked: false, snapshot, ct);
        }
        return linked;
    }
}
