using Carve.Contracts.Tasks;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Core.Vms;

namespace Carve.Core.Transfer;

/// <summary>
/// carve vm export: a stopped VM's disks as an OVA (for ESXi/vSphere and VirtualBox) or as plain disk files,
/// written by a task under the guest's lock into the <see cref="ExportStore"/>, from where the API serves them.
/// </summary>
public sealed partial class ExportService(
    GuestStore guests, TaskRunner tasks, DriverRegistry drivers, StoragePools pools, ExportStore store)
{
    public static readonly IReadOnlyList<string> Formats = ["ova", "vmdk", "vhdx", "qcow2", "raw"];

    public TaskView Export(ExportVmCommand command)
    {
        var format = command.Request.Format;
        if (!Formats.Contains(format))
            throw new BadRequestException($"Invalid export format '{Names.Printable(format)}': use one of {string.Join(", ", Formats)}.");
        var guest = guests.ResolveKind(command.Reference, VmService.Kind);
        RefuseRunning(guest);
        var config = VmConfig.FromJson(guest.ConfigJson);
        if (config.Disks.Count == 0)
            throw new BadRequestException($"{guest.Describe()} has no disks to export.");
        return Submit("vm-export", command.User, guest, format, async (dir, task, ct) =>
        {
            if (format == "ova")
                await WriteOvaAsync(guest, config, dir, task, ct);
            else
                await WriteDisksAsync(guest, config, format, dir, task, ct);
        });
    }

    /// <summary>Runs <paramref name="write"/> as a task under the guest's lock, into a new export that is discarded on failure.</summary>
    internal TaskView Submit(string type, string user, GuestRecord guest, string format, Func<string, ITaskContext, CancellationToken, Task> write)
    {
        store.DiscardAbandoned(id => tasks.Find(id)?.Status == TaskStates.Running);
        return tasks.Submit(new TaskRequest
        {
            Type = type,
            User = user,
            Guest = guest,
            Work = async (task, ct) =>
            {
                // Checked again under the lock: a start may have slipped in before the task took it.
                RefuseRunning(guest);
                var dir = store.Begin(task.TaskId, guest.Name, format);
                await write(dir, task, ct);
                store.Complete(task.TaskId);
                task.Log($"The export is ready: GET /api/v1/exports/{task.TaskId}.");
            },
            OnFailure = task =>
            {
                store.Discard(task.TaskId);
                return Task.CompletedTask;
            },
        });
    }

    internal void RefuseRunning(GuestRecord guest)
    {
        if (drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is running; shut it down first, so that what is exported is consistent.");
    }

    private async Task WriteDisksAsync(GuestRecord guest, VmConfig config, string format, string dir, ITaskContext task, CancellationToken ct)
    {
        for (var i = 0; i < config.Disks.Count; i++)
        {
            var disk = config.Disks[i];
            var file = $"{guest.Name}-{disk.Name}.{format}";
            task.Log($"Writing {disk.Name} as {file}.");
            await ExportDiskAsync(disk, Path.Combine(dir, file), format, Share(task, i, config.Disks.Count, 100), ct);
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
