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
/// carve vm import: a VM from an OVA, an OVF or a disk image, as a task under the new guest's lock. The package
/// is checked before the guest exists; a failure at any point removes the guest and every volume made for it.
/// </summary>
public sealed partial class ImportService(
    GuestStore guests, TaskRunner tasks, DriverRegistry drivers, StoragePools pools, IImageTool images, PathGuard paths, GuestLifecycle lifecycle)
{
    public TaskView Import(ImportVmCommand command)
    {
        var request = command.Request;
        Names.Guest(request.Name);
        Names.RejectControlCharacters("pool name", request.Pool);
        var pool = pools.Get(request.Pool);
        var path = paths.ConfineExistingFile("file to import", request.Path);
        ImportPlan plan;
        try
        {
            plan = PackageReader.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadRequestException($"Cannot read {path}: {e.Message}");
        }
        var config = ImportConfig.From(plan, request);

        var taskId = TaskRunner.NewTaskId();
        var guest = guests.Insert(request.Name, request.Id, VmService.Kind, config.ToJson(), taskId);
        config = config with
        {
            Disks = plan.Disks.Select((d, i) => new VmDisk($"disk{i}", pool.Name, $"vm-{guest.Id}-disk{i}.qcow2", "qcow2", d.Bus)).ToList(),
            EfiVars = config.Firmware == "uefi" ? new VmDisk("efivars", pool.Name, $"vm-{guest.Id}-efivars.qcow2", "qcow2") : null,
        };
        guest = guest with { ConfigJson = config.ToJson() };
        guests.UpdateConfig(guest.Id, guest.ConfigJson);

        return tasks.Submit(new TaskRequest
        {
            Type = "vm-import",
            User = command.User,
            Guest = guest,
            LockHeld = true,
            TaskId = taskId,
            Work = async (task, ct) =>
            {
                task.Log($"Importing the {plan.Kind} {path} as {guest.Describe()}: {config.Cpus} CPU(s), {config.MemoryMiB} MiB, " +
                    $"{config.Firmware}, {config.Disks.Count} disk(s) ({string.Join(", ", config.Disks.Select(d => d.Bus))}), {config.Nics.Count} NIC(s).");
                foreach (var skipped in plan.Ovf?.Skipped ?? [])
                    task.Log($"Left out {skipped}.");
                await ImportDisksAsync(plan.Disks, config.Disks, pool, task, ct);
                var driver = drivers.Instance(VmService.Kind);
                await driver.CreateAsync(guest, task, ct);
                task.Log($"Imported {guest.Describe()}.");
                if (request.Start)
                    await lifecycle.StartAsync(guest, task, ct);
            },
            OnFailure = task => lifecycle.DiscardAsync(guest, task),
        });
    }
}
