using Carve.Core.Errors;
using Carve.Core.Exports;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Qemu.Guests;

namespace Carve.Transfer;

/// <summary>
/// carve vm export: a stopped VM as an OVA (OVF 1.0 with streamOptimized VMDKs, for ESXi/vSphere and VirtualBox)
/// or as plain disk files (vmdk, vhdx, qcow2, raw).
/// </summary>
public sealed class VmExporter(StoragePools pools) : IGuestExporter
{
    public IReadOnlyList<string> Formats { get; } = ["ova", "vmdk", "vhdx", "qcow2", "raw"];

    public void Check(GuestRecord guest)
    {
        if (VmSpec.Of(guest).Disks.Count == 0)
            throw new BadRequestException($"{guest.Describe()} has no disks to export.");
    }

    public Task WriteAsync(GuestRecord guest, string format, string dir, ITaskContext task, CancellationToken ct) =>
        format == "ova" ? WriteOvaAsync(guest, dir, task, ct) : WriteDisksAsync(guest, format, dir, task, ct);

    /// <summary>Each disk becomes a streamOptimized VMDK, then the OVA is packed: .ovf, .mf, the disks.</summary>
    private async Task WriteOvaAsync(GuestRecord guest, string dir, ITaskContext task, CancellationToken ct)
    {
        var spec = VmSpec.Of(guest);
        if (spec.Kernel is not null || spec.Cdrom is not null)
            task.Log("The direct kernel boot and CD-ROM settings have no place in an OVA and are left out.");
        var disks = new List<OvfExportDisk>();
        for (var i = 0; i < spec.Disks.Count; i++)
        {
            var disk = spec.Disks[i];
            var file = $"{guest.Name}-{disk.Name}.vmdk";
            var path = Path.Combine(dir, file);
            task.Log($"Converting {disk.Name} to a streamOptimized VMDK.");
            var capacity = await ExportDiskAsync(disk, path, "vmdk-stream", Share(task, i, spec.Disks.Count, 90), ct);
            disks.Add(new OvfExportDisk(file, new FileInfo(path).Length, capacity, disk.Bus));
        }
        var ovf = OvfWriter.Write(new OvfExport
        {
            Name = guest.Name,
            Cpus = guest.Config.Cpus,
            MemoryMiB = guest.Config.MemoryMiB,
            Firmware = spec.Firmware,
            Description = guest.Config.Description,
            Disks = disks,
            NicModels = guest.Config.Nics.Select(n => n.Model).ToList(),
        });
        task.Log($"Packing {guest.Name}.ova.");
        await OvaWriter.WriteAsync(Path.Combine(dir, $"{guest.Name}.ova"), $"{guest.Name}.ovf", ovf,
            disks.Select(d => (d.FileName, Path.Combine(dir, d.FileName))).ToList(), new InlineProgress<int>(p => task.Progress(90 + (p / 10))), ct);
        foreach (var disk in disks)
            File.Delete(Path.Combine(dir, disk.FileName));
    }

    private async Task WriteDisksAsync(GuestRecord guest, string format, string dir, ITaskContext task, CancellationToken ct)
    {
        var disks = VmSpec.Of(guest).Disks;
        for (var i = 0; i < disks.Count; i++)
        {
            var file = $"{guest.Name}-{disks[i].Name}.{format}";
            task.Log($"Writing {disks[i].Name} as {file}.");
            await ExportDiskAsync(disks[i], Path.Combine(dir, file), format, Share(task, i, disks.Count, 100), ct);
        }
    }

    /// <summary>Writes one volume to <paramref name="target"/>; returns its virtual size.</summary>
    private async Task<long> ExportDiskAsync(VmDisk disk, string target, string format, IProgress<int> progress, CancellationToken ct)
    {
        var pool = pools.Get(disk.Pool);
        var info = await pool.InspectVolumeAsync(disk.Volume, ct);
        await pool.ExportVolumeAsync(disk.Volume, target, format, progress, ct);
        return info.VirtualSizeBytes;
    }

    /// <summary>Progress of step <paramref name="index"/> of <paramref name="count"/>, scaled into 0..<paramref name="upTo"/>.</summary>
    private static InlineProgress<int> Share(ITaskContext task, int index, int count, int upTo) =>
        new(p => task.Progress(((index * 100) + p) * upTo / (count * 100)));
}
