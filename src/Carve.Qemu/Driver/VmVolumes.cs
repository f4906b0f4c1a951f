using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Qemu.Guests;

namespace Carve.Qemu.Driver;

/// <summary>A VM's volumes in their pools: made at create (empty, imported, or the UEFI variable store), grown, deleted.</summary>
public sealed class VmVolumes(StoragePools pools, IImageTool images, CarveOptions options, QemuRuntime runtime)
{
    public string PathOf(VmDisk disk) => pools.Get(disk.Pool).VolumePath(disk.Volume);

    /// <summary>The path of each of the VM's volumes, by volume name; a missing volume is an error, before anything starts.</summary>
    public IReadOnlyDictionary<string, string> ExistingPaths(GuestRecord guest, VmSpec spec)
    {
        var paths = new Dictionary<string, string>();
        foreach (var disk in spec.Disks)
        {
            var path = PathOf(disk);
            if (!File.Exists(path))
                throw new OperationFailedException($"The volume {disk.Volume} of {disk.Name} is missing from pool {disk.Pool} ({path}).");
            paths[disk.Volume] = path;
        }
        if (spec.EfiVars is { } vars)
            paths[vars.Volume] = PathOf(vars);
        return paths;
    }

    /// <summary>Makes the disks of a new VM: empty ones of their size, or converted from the image named to import.</summary>
    public async Task MakeDisksAsync(IReadOnlyList<PlannedDisk> planned, IReadOnlyList<VmDisk> disks, ITaskContext task, CancellationToken ct)
    {
        for (var i = 0; i < planned.Count; i++)
        {
            var pool = pools.Get(disks[i].Pool);
            if (planned[i].ImportPath is { } source)
            {
                var info = await images.InspectAsync(source, ct);
                if (info.BackingFile is not null)
                    throw new BadRequestException($"The image {source} depends on a backing file ({info.BackingFile}); import a standalone image.");
                task.Log($"Importing {source} ({info.Format}, {Sizes.Format(info.VirtualSizeBytes)}) as {disks[i].Name}.");
                var step = i;
                var progress = new InlineProgress<int>(p => task.Progress(((step * 100) + p) / planned.Count));
                await pool.ImportVolumeAsync(disks[i].Volume, new ImageSource(source, info.Format), progress, ct);
            }
            else
            {
                task.Log($"Creating {disks[i].Name}: {Sizes.Format(planned[i].SizeBytes!.Value)} in pool {pool.Name}.");
                await pool.CreateVolumeAsync(disks[i].Volume, planned[i].SizeBytes!.Value, ct);
            }
        }
    }

    /// <summary>A new VM's UEFI variable store: a qcow2 copy of OVMF's template, so that snapshots include it.</summary>
    public async Task CreateVarsAsync(VmDisk? vars, ITaskContext task, CancellationToken ct)
    {
        if (vars is null)
            return;
        var pool = pools.Get(vars.Pool);
        if (vars.Format == "qcow2")
            await pool.ImportVolumeAsync(vars.Volume, new ImageSource(options.OvmfVars, "raw"), new Progress<int>(), ct);
        else
            await pool.CopyFileVolumeAsync(vars.Volume, options.OvmfVars, ct);
        task.Log($"Created the UEFI variable store {vars.Volume} ({vars.Format}).");
    }

    public async Task<long> VirtualSizeAsync(VmDisk disk, CancellationToken ct) =>
        (await pools.Get(disk.Pool).InspectVolumeAsync(disk.Volume, ct)).VirtualSizeBytes;

    /// <summary>Grows a disk; a running QEMU holds the image, so only it may change the size, and the guest sees it at once.</summary>
    public async Task ResizeAsync(GuestRecord guest, VmDisk disk, long newSizeBytes, ITaskContext task, CancellationToken ct)
    {
        if (runtime.IsRunning(guest))
        {
            var client = await runtime.MonitorAsync(guest, ct);
            await client.BlockResizeAsync(disk.Name, newSizeBytes, ct);
            task.Log($"Grew {disk.Name} to {Sizes.Format(newSizeBytes)} while the VM runs; the guest sees the new size now.");
            return;
        }
        await pools.Get(disk.Pool).ResizeVolumeAsync(disk.Volume, newSizeBytes, ct);
        task.Log($"Grew {disk.Name} to {Sizes.Format(newSizeBytes)}.");
    }

    /// <summary>Deletes every volume of the VM; missing ones are fine.</summary>
    public async Task DeleteAsync(VmSpec spec, ITaskContext task, CancellationToken ct)
    {
        foreach (var disk in spec.Volumes)
        {
            await pools.Get(disk.Pool).DeleteVolumeAsync(disk.Volume, ct);
            task.Log($"Deleted volume {disk.Volume} from pool {disk.Pool}.");
        }
    }
}
