using Carve.Contracts.Guests;
using Carve.Contracts.Vms;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Validation;
using Carve.Qemu.Driver;

namespace Carve.Qemu.Guests;

/// <summary>A VM's changes: the settings every guest has, and its host devices and disk sizes.</summary>
public sealed class VmEditor(GuestStore guests, GuestDrivers drivers, VmVolumes volumes) : IGuestEditor<SetVmRequest>
{
    public async Task<GuestEdit> PlanAsync(string reference, SetVmRequest request, CancellationToken ct)
    {
        GuestLimits.Check(request.Cpus, request.MemoryMiB, request.Description);
        BootPolicies.Check(request.Boot);
        var hostPci = request.HostPci is null ? null : HostDevices.Pci(request.HostPci);
        var hostUsb = request.HostUsb is null ? null : HostDevices.Usb(request.HostUsb);
        var guest = guests.ResolveKind(reference, GuestKind.Vm);
        var spec = VmSpec.Of(guest);
        var resizes = new List<(VmDisk Disk, long Size)>();
        foreach (var resize in request.ResizeDisks ?? [])
            resizes.Add(resize is null || resize.Disk is null || resize.Size is null
                ? throw new BadRequestException("Each disk to resize needs a disk name and a size.")
                : await PlanResizeAsync(guest, spec, resize, ct));
        if (guest.Template && resizes.Count > 0)
            throw new ConflictException($"{guest.Describe()} is a template: its disks back linked clones and do not change.");
        var devices = hostPci is not null || hostUsb is not null;
        return new GuestEdit
        {
            Guest = guest,
            Cpus = request.Cpus,
            MemoryMiB = request.MemoryMiB,
            Description = request.Description,
            Nics = request.Nics,
            Boot = request.Boot,
            Specific = devices ? config => WithDevices(config, hostPci, hostUsb) : null,
            AfterAsync = devices || resizes.Count > 0
                ? async (vm, task, ct) =>
                {
                    if (devices && drivers.Instance(vm.Kind).Inspect(vm).IsRunning)
                        task.Log("Host device changes take effect at the next start of the VM.");
                    foreach (var (disk, size) in resizes)
                        await volumes.ResizeAsync(vm, disk, size, task, ct);
                }
                : null,
            NothingToChange = "Nothing to change: give cpus, memory, a description, a disk to resize, host devices, NICs or a boot policy.",
        };
    }

    private static GuestConfig WithDevices(GuestConfig config, IReadOnlyList<VmHostPci>? hostPci, IReadOnlyList<string>? hostUsb)
    {
        var spec = VmSpec.Of(config);
        return config.WithSpec(spec with { HostPci = hostPci ?? spec.HostPci, HostUsb = hostUsb ?? spec.HostUsb });
    }

    private async Task<(VmDisk Disk, long Size)> PlanResizeAsync(GuestRecord guest, VmSpec spec, DiskResize resize, CancellationToken ct)
    {
        var disk = spec.Disks.FirstOrDefault(d => d.Name == resize.Disk)
            ?? throw new BadRequestException($"{guest.Describe()} has no disk '{Names.Printable(resize.Disk)}'; it has {string.Join(", ", spec.Disks.Select(d => d.Name))}.");
        var current = await volumes.VirtualSizeAsync(disk, ct);
        var relative = resize.Size!.StartsWith('+');
        var amount = Sizes.Parse($"size for {disk.Name}", relative ? resize.Size[1..] : resize.Size);
        var target = relative ? current + amount : amount;
        if (target <= current)
            throw new BadRequestException(
                $"Disks can only grow: {disk.Name} is {Sizes.Format(current)}, and {resize.Size} would not make it larger.");
        if (target > Sizes.MaxDiskBytes)
            throw new BadRequestException("Disks can be at most 64T.");
        return (disk, target);
    }
}
