using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Core.Vms;

namespace Carve.Core.Transfer;

public sealed partial class ExportService
{
    /// <summary>Each disk becomes a streamOptimized VMDK, then the OVA is packed: .ovf, .mf, the disks.</summary>
    private async Task WriteOvaAsync(GuestRecord guest, VmConfig config, string dir, ITaskContext task, CancellationToken ct)
    {
        if (config.Kernel is not null || config.Cdrom is not null)
            task.Log("The direct kernel boot and CD-ROM settings have no place in an OVA and are left out.");
        var disks = new List<OvfExportDisk>();
        for (var i = 0; i < config.Disks.Count; i++)
        {
            var disk = config.Disks[i];
            var file = $"{guest.Name}-{disk.Name}.vmdk";
            var path = Path.Combine(dir, file);
            task.Log($"Converting {disk.Name} to a streamOptimized VMDK.");
            var capacity = await ExportDiskAsync(disk, path, "vmdk-stream", Share(task, i, config.Disks.Count, 90), ct);
            disks.Add(new OvfExportDisk(file, new FileInfo(path).Length, capacity, disk.Bus));
        }
        var ovf = OvfWriter.Write(new OvfExport
        {
            Name = guest.Name,
            Cpus = config.Cpus,
            MemoryMiB = config.MemoryMiB,
            Firmware = config.Firmware,
            Description = config.Description,
            Disks = disks,
            NicModels = config.Nics.Select(n => n.Model).ToList(),
        });
        task.Log($"Packing {guest.Name}.ova.");
        await OvaWriter.WriteAsync(Path.Combine(dir, $"{guest.Name}.ova"), $"{guest.Name}.ovf", ovf,
            disks.Select(d => (d.FileName, Path.Combine(dir, d.FileName))).ToList(), new InlineProgress<int>(p => task.Progress(90 + (p / 10))), ct);
        foreach (var disk in disks)
            File.Delete(Path.Combine(dir, disk.FileName));
    }
}
