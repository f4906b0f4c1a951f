using Carve.Contracts.Vms;
using Carve.Core.Errors;
using Carve.Core.Networks;
using Carve.Core.Validation;

namespace Carve.Core.Vms;

/// <summary>Checks a create request at the edge and resolves its paths, before anything is made.</summary>
public sealed class VmRequestValidator(PathGuard paths, NicPlanner? nicPlanner = null)
{
    public const int MaxCpus = 256;
    public const int MinMemoryMiB = 16;
    public const int MaxMemoryMiB = 4 << 20;

    public ValidatedVm Validate(CreateVmRequest request)
    {
        Names.Guest(request.Name);
        Cpus(request.Cpus);
        Memory(request.MemoryMiB);
        var firmware = OneOf("firmware", request.Firmware, "bios", "uefi");
        var accel = OneOf("acceleration", request.Accel, "auto", "kvm", "tcg");
        Description(request.Description);
        Names.RejectControlCharacters("kernel command line", request.Cmdline);
        if (request.Cmdline is { Length: > 4096 })
            throw new BadRequestException("The kernel command line is longer than 4096 characters.");
        if (request.Kernel is null && (request.Initrd is not null || request.Cmdline is not null))
            throw new BadRequestException("An initrd or a kernel command line needs a kernel too (--kernel).");
        if (request.Disks.Count > 16)
            throw new BadRequestException("A VM can have at most 16 disks.");

        var disks = request.Disks.Select((d, i) => Disk(d, i)).ToList();
        var nics = Nics(request.Nics ?? [new NicRequest()], null);

        return new ValidatedVm(
            request.Name,
            new VmConfig
            {
                Uuid = Guid.NewGuid().ToString(),
                Cpus = request.Cpus,
                MemoryMiB = request.MemoryMiB,
                Firmware = firmware,
                Accel = accel,
                Cdrom = request.Cdrom is null ? null : paths.ConfineExistingFile("CD-ROM image", request.Cdrom),
                Kernel = request.Kernel is null ? null : paths.ConfineExistingFile("kernel", request.Kernel),
                Initrd = request.Initrd is null ? null : paths.ConfineExistingFile("initrd", request.Initrd),
                Cmdline = request.Cmdline,
                Nics = nics,
                Description = request.Description,
                HostPci = HostDevices.Pci(request.HostPci),
                HostUsb = HostDevices.Usb(request.HostUsb),
            },
            disks);
    }

    public static void Cpus(int cpus)
    {
        if (cpus is < 1 or > MaxCpus)
            throw new BadRequestException($"CPUs must be between 1 and {MaxCpus}, not {cpus}.");
    }

    public static void Memory(int mib)
    {
        if (mib is < MinMemoryMiB or > MaxMemoryMiB)
            throw new BadRequestException($"Memory must be between {MinMemoryMiB} and {MaxMemoryMiB} MiB, not {mib}.");
    }

    public static void Description(string? text)
    {
        if (text is { Length: > 4096 })
            throw new BadRequestException("The description is longer than 4096 characters.");
    }

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

    /// <summary>NICs on Carve networks go through the planner (addresses, ports); without one only user-mode NAT exists.</summary>
    public IReadOnlyList<VmNic> Nics(IReadOnlyList<NicRequest?> requests, int? guestId)
    {
        if (nicPlanner is not null)
            return nicPlanner.Plan(requests, VmService.Kind, guestId);
        var nics = requests.Select((n, i) => Nic(n, i)).ToList();
        if (nics.Select(n => n.Mac).Distinct().Count() != nics.Count)
            throw new BadRequestException("Two NICs of the VM have the same MAC address.");
        return nics;
    }

    private static VmNic Nic(NicRequest? nic, int index)
    {
        if (nic is null)
            throw new BadRequestException($"NIC {index} is null.");
        if (nic.Network != "user")
            throw new BadRequestException($"Unknown network '{Names.Printable(nic.Network)}' for NIC {index}; only 'user' (user-mode NAT) exists yet.");
        var model = OneOf($"model of NIC {index}", nic.Model, "virtio", "e1000");
        var mac = nic.Mac is null ? MacAddresses.NewLocal() : MacAddresses.Validate(nic.Mac);
        return new VmNic($"net{index}", nic.Network, model, mac);
    }

    private static string OneOf(string field, string? value, params string[] allowed) =>
        value is not null && allowed.Contains(value)
            ? value
            : throw new BadRequestException($"Invalid {field} '{Names.Printable(value)}': use one of {string.Join(", ", allowed)}.");
}
