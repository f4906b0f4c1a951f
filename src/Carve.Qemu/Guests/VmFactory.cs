using Carve.Contracts.Guests;
using Carve.Contracts.Vms;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Storage;
using Carve.Core.Validation;
using Carve.Qemu.Driver;

namespace Carve.Qemu.Guests;

/// <summary>Checks a VM create request at the edge, resolving its paths, and plans the VM with the disks still to make.</summary>
public sealed class VmFactory(PathGuard paths, NicPlanner nicPlanner, StoragePools pools, VmVolumes volumes) : IGuestFactory<CreateVmRequest>
{
    public const int MaxDisks = 16;

    public Task<GuestDraft> DraftAsync(CreateVmRequest request, CancellationToken ct)
    {
        Names.Guest(request.Name);
        GuestLimits.Cpus(request.Cpus);
        GuestLimits.Memory(request.MemoryMiB);
        var firmware = OneOf("firmware", request.Firmware, "bios", "uefi");
        var accel = OneOf("acceleration", request.Accel, "auto", "kvm", "tcg");
        GuestLimits.Description(request.Description);
        Names.RejectControlCharacters("kernel command line", request.Cmdline);
        if (request.Cmdline is { Length: > 4096 })
            throw new BadRequestException("The kernel command line is longer than 4096 characters.");
        if (request.Kernel is null && (request.Initrd is not null || request.Cmdline is not null))
            throw new BadRequestException("An initrd or a kernel command line needs a kernel too (--kernel).");
        if (request.Disks.Count > MaxDisks)
            throw new BadRequestException($"A VM can have at most {MaxDisks} disks.");

        var planned = PlanDisks(request.Disks);
        var common = new GuestConfig
        {
            Cpus = request.Cpus,
            MemoryMiB = request.MemoryMiB,
            Nics = nicPlanner.Plan(request.Nics ?? [new NicRequest()], GuestKind.Vm, null),
            Description = request.Description,
        };
        var spec = new VmSpec
        {
            Uuid = Guid.NewGuid().ToString(),
            Firmware = firmware,
            Accel = accel,
            Cdrom = request.Cdrom is null ? null : paths.ConfineExistingFile("CD-ROM image", request.Cdrom),
            Kernel = request.Kernel is null ? null : paths.ConfineExistingFile("kernel", request.Kernel),
            Initrd = request.Initrd is null ? null : paths.ConfineExistingFile("initrd", request.Initrd),
            Cmdline = request.Cmdline,
            HostPci = HostDevices.Pci(request.HostPci),
            HostUsb = HostDevices.Usb(request.HostUsb),
        };
        var disks = planned.Select(d => (pools.Get(d.Pool).Name, "virtio")).ToList();
        var varsPool = pools.Default.Name;
        return Task.FromResult(new GuestDraft
        {
            Kind = GuestKind.Vm,
            Name = request.Name,
            Id = request.Id,
            TaskType = "vm-create",
            ConfigFor = id => common.WithSpec(spec.WithVolumesOf(id, disks, varsPool)),
            BuildAsync = async (guest, task, ct) =>
            {
                var made = VmSpec.Of(guest);
                await volumes.MakeDisksAsync(planned, made.Disks, task, ct);
                await volumes.CreateVarsAsync(made.EfiVars, task, ct);
                task.Log($"Created {guest.Describe()}.");
            },
            Start = request.Start,
        });
    }

    /// <summary>The disks to make, named disk0, disk1, ... in order: each empty of a size, or imported from a confined path.</summary>
    public IReadOnlyList<PlannedDisk> PlanDisks(IReadOnlyList<DiskRequest?> disks) => disks.Select(Disk).ToList();

    private PlannedDisk Disk(DiskRequest? disk, int index)
    {
        if (disk is null)
            throw new BadRequestException($"Disk {index} is null.");
        if ((disk.Size is null) == (disk.Import is null))
            throw new BadRequestException($"Disk {index} needs exactly one of size (e.g. size=8G) or import (a path to an image).");
        if (disk.Pool is not null)
            Names.RejectControlCharacters("pool name", disk.Pool);
        return disk.Import is null
            ? new PlannedDisk($"disk{index}", disk.Pool, Sizes.ParseDiskSize($"size of disk {index}", disk.Size), null)
            : new PlannedDisk($"disk{index}", disk.Pool, null, paths.ConfineExistingFile($"image to import for disk {index}", disk.Import));
    }

    private static string OneOf(string field, string? value, params string[] allowed) =>
        value is not null && allowed.Contains(value)
            ? value
            : throw new BadRequestException($"Invalid {field} '{Names.Printable(value)}': use one of {string.Join(", ", allowed)}.");
}
