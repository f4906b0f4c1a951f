using Carve.Contracts.Transfer;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Validation;
using Carve.Qemu.Guests;

namespace Carve.Transfer;

/// <summary>The VM config an import makes (its disks still to add): the request's overrides, else what the OVF says, else create's defaults.</summary>
internal static class ImportConfig
{
    public static GuestConfig From(ImportPlan plan, ImportVmRequest request)
    {
        var ovf = plan.Ovf;
        var cpus = request.Cpus ?? ovf?.Cpus ?? 1;
        var memory = request.MemoryMiB ?? ovf?.MemoryMiB ?? 512;
        GuestLimits.Cpus(cpus);
        GuestLimits.Memory(memory);
        var firmware = request.Firmware ?? ovf?.Firmware ?? "bios";
        if (firmware is not ("bios" or "uefi"))
            throw new BadRequestException($"Invalid firmware '{Names.Printable(firmware)}': use bios or uefi.");
        // A bare disk image says nothing about NICs: it gets create's default, one user-mode NIC.
        var nics = ovf is null ? [new OvfNic("virtio", null)] : ovf.Nics;
        var macs = new HashSet<string>();
        return new GuestConfig
        {
            Cpus = cpus,
            MemoryMiB = memory,
            Nics = nics.Select((n, i) => new GuestNic($"net{i}", GuestNic.UserNetwork, n.Model, Mac(n.Mac, macs))).ToList(),
            Description = ovf?.Description,
        }.WithSpec(new VmSpec { Uuid = Guid.NewGuid().ToString(), Firmware = firmware });
    }

    /// <summary>The package's MAC when it is a valid unicast one not used twice (DHCP reservations keep working), else a new one.</summary>
    private static string Mac(string? wanted, HashSet<string> used)
    {
        string mac;
        try
        {
            mac = wanted is null ? MacAddresses.NewLocal() : MacAddresses.Validate(wanted);
        }
        catch (BadRequestException)
        {
            mac = MacAddresses.NewLocal();
        }
        while (!used.Add(mac))
            mac = MacAddresses.NewLocal();
        return mac;
    }
}
