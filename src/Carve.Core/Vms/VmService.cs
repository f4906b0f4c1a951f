using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;

namespace Carve.Core.Vms;

/// <summary>Creating and changing VMs. Lifecycle is shared with containers in <see cref="GuestLifecycle"/>.</summary>
public sealed class VmService(
    GuestStore guests, TaskRunner tasks, DriverRegistry drivers, StoragePools pools, IImageTool images, VmRequestValidator validator,
    GuestLifecycle lifecycle, Networks.GuestNetworking networking)
{
    public const string Kind = "vm";

    public TaskView Create(CreateVmCommand command)
    {
        var vm = validator.Validate(command.Request);
        foreach (var disk in vm.Disks)
            pools.Get(disk.Pool);
        var taskId = TaskRunner.NewTaskId();
        var guest = guests.Insert(vm.Name, command.Request.Id, Kind, vm.Config.ToJson(), taskId);

        var disks = vm.Disks.Select(d => new VmDisk(d.Name, pools.Get(d.Pool).Name, $"vm-{guest.Id}-{d.Name}.qcow2")).ToList();
        var config = vm.Config with
        {
            Disks = disks,
            EfiVars = vm.Config.Firmware == "uefi" ? new VmDisk("efivars", pools.Default.Name, $"vm-{guest.Id}-efivars.qcow2", "qcow2") : null,
        };
        guest = guest with { ConfigJson = config.ToJson() };
        guests.UpdateConfig(guest.Id, guest.ConfigJson);
        var start = command.Request.Start;

        return tasks.Submit(new TaskRequest
        {
            Type = "vm-create",
            User = command.User,
            Guest = guest,
            LockHeld = true,
            TaskId = taskId,
            Work = async (task, ct) =>
            {
                await MakeDisksAsync(vm.Disks, disks, task, ct);
                await drivers.Instance(Kind).CreateAsync(guest, task, ct);
                task.Log($"Created {guest.Describe()}.");
                if (start)
                    await lifecycle.StartAsync(guest, task, ct);
            },
            // Nothing half made stays behind: the volumes made so far and the row go.
            OnFailure = task => lifecycle.DiscardAsync(guest, task),
        });
    }

    public async Task<TaskView> SetAsync(SetVmCommand command, CancellationToken ct)
    {
        var request = command.Request;
        if (request.Cpus is { } cpus)
            VmRequestValidator.Cpus(cpus);
        if (request.MemoryMiB is { } mem)
            VmRequestValidator.Memory(mem);
        VmRequestValidator.Description(request.Description);
        var hostPci = request.HostPci is null ? null : HostDevices.Pci(request.HostPci);
        var hostUsb = request.HostUsb is null ? null : HostDevices.Usb(request.HostUsb);
        var guest = Vm(command.Reference);
        var config = VmConfig.FromJson(guest.ConfigJson);
        var resizes = new List<(VmDisk Disk, long Size)>();
        foreach (var resize in request.ResizeDisks ?? [])
            resizes.Add(resize is null || resize.Disk is null || resize.Size is null
                ? throw new BadRequestException("Each disk to resize needs a disk name and a size.")
                : await PlanResizeAsync(guest, config, resize, ct));
        if (guest.Template && resizes.Count > 0)
            throw new ConflictException($"{guest.Describe()} is a template: its disks back linked clones and do not change.");
        if (request.Cpus is null && request.MemoryMiB is null && request.Description is null && resizes.Count == 0
            && hostPci is null && hostUsb is null && request.Nics is null)
            throw new BadRequestException("Nothing to change: give cpus, memory, a description, a disk to resize, host devices or NICs.");
        var nics = request.Nics is null ? null : NicsForStopped(guest, validator.Nics(request.Nics, guest.Id));

        return tasks.Submit(new TaskRequest
        {
            Type = "vm-set",
            User = command.User,
            Guest = guest,
            Work = async (task, ct) =>
            {
                var driver = drivers.Instance(Kind);
                var current = VmConfig.FromJson(guests.Find(guest.Id)!.ConfigJson);
                var updated = current with
                {
                    Cpus = request.Cpus ?? current.Cpus,
                    MemoryMiB = request.MemoryMiB ?? current.MemoryMiB,
                    Description = request.Description ?? current.Description,
                    HostPci = hostPci ?? current.HostPci,
                    HostUsb = hostUsb ?? current.HostUsb,
                    Nics = nics ?? current.Nics,
                };
                guests.UpdateConfig(guest.Id, updated.ToJson());
                if (nics is not null)
                {
                    await networking.ReleaseAsync(current.Nics.Concat(nics), ct);
                    task.Log($"NICs now: {Networks.NicText.Describe(nics)}.");
                }
                var limitsChanged = updated.Cpus != current.Cpus || updated.MemoryMiB != current.MemoryMiB;
                if (limitsChanged && !await driver.ApplyLiveAsync(guest with { ConfigJson = updated.ToJson() }, task, ct))
                    task.Log("CPU and memory changes are saved and take effect at the next start of the VM.");
                if ((hostPci is not null || hostUsb is not null) && driver.Inspect(guest).IsRunning)
                    task.Log("Host device changes take effect at the next start of the VM.");
                foreach (var (disk, size) in resizes)
                    await driver.ResizeDiskAsync(guest, disk.Name, size, task, ct);
                task.Log($"Updated {guest.Describe()}.");
            },
        });
    }

    private IReadOnlyList<VmNic> NicsForStopped(GuestRecord guest, IReadOnlyList<VmNic> nics) =>
        drivers.Instance(Kind).Inspect(guest).IsRunning
            ? throw new ConflictException($"{guest.Describe()} is running; NICs change only on a stopped VM.")
            : nics;

    public GuestRecord Vm(string reference) => guests.ResolveKind(reference, Kind);

    private async Task<(VmDisk Disk, long Size)> PlanResizeAsync(GuestRecord guest, VmConfig config, Contracts.Vms.DiskResize resize, CancellationToken ct)
    {
        var disk = config.Disks.FirstOrDefault(d => d.Name == resize.Disk)
            ?? throw new BadRequestException($"{guest.Describe()} has no disk '{Validation.Names.Printable(resize.Disk)}'; it has {string.Join(", ", config.Disks.Select(d => d.Name))}.");
        var pool = pools.Get(disk.Pool);
        var current = (await pool.InspectVolumeAsync(disk.Volume, ct)).VirtualSizeBytes;
        var relative = resize.Size.StartsWith('+');
        var amount = Validation.Sizes.Parse($"size for {disk.Name}", relative ? resize.Size[1..] : resize.Size);
        var target = relative ? current + amount : amount;
        if (target <= current)
            throw new BadRequestException(
                $"Disks can only grow: {disk.Name} is {Validation.Sizes.Format(current)}, and {resize.Size} would not make it larger.");
        if (target > Validation.Sizes.MaxDiskBytes)
            throw new BadRequestException("Disks can be at most 64T.");
        return (disk, target);
    }

    private async Task MakeDisksAsync(IReadOnlyList<PlannedDisk> planned, IReadOnlyList<VmDisk> disks, ITaskContext task, CancellationToken ct)
    {
        for (var i = 0; i < planned.Count; i++)
        {
            var pool = pools.Get(disks[i].Pool);
            if (planned[i].ImportPath is { } source)
            {
                var info = await images.InspectAsync(source, ct);
                if (info.BackingFile is not null)
                    throw new BadRequestException($"The image {source} depends on a backing file ({info.BackingFile}); import a standalone image.");
                task.Log($"Importing {source} ({info.Format}, {Validation.Sizes.Format(info.VirtualSizeBytes)}) as {disks[i].Name}.");
                var step = i;
                var progress = new InlineProgress<int>(p => task.Progress(((step * 100) + p) / planned.Count));
                await pool.ImportVolumeAsync(disks[i].Volume, new ImageSource(info.Path, info.Format), progress, ct);
            }
            else
            {
                task.Log($"Creating {disks[i].Name}: {Validation.Sizes.Format(planned[i].SizeBytes!.Value)} in pool {pool.Name}.");
                await pool.CreateVolumeAsync(disks[i].Volume, planned[i].SizeBytes!.Value, ct);
            }
        }
    }
}
