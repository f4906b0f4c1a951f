using System.Text.Json.Serialization;
using Carve.Core.Guests;

namespace Carve.Qemu.Guests;

/// <summary>
/// What a VM has beyond what every guest has (<see cref="GuestConfig"/>): its identity, firmware, boot media,
/// disks and host devices. Stored in the guest's config beside the common settings; only the QEMU driver reads it.
/// </summary>
public sealed record VmSpec : IGuestSpec<VmSpec>
{
    /// <summary>The SMBIOS UUID the guest sees; a clone gets a new one.</summary>
    public required string Uuid { get; init; }
    public string Firmware { get; set; } = "bios";
    public string Accel { get; set; } = "auto";
    public string? Cdrom { get; init; }
    public string? Kernel { get; init; }
    public string? Initrd { get; init; }
    public string? Cmdline { get; init; }
    public IReadOnlyList<VmDisk> Disks { get; set; } = [];
    /// <summary>The per-VM UEFI variable store, a qcow2 (once raw) volume in the default pool.</summary>
    public VmDisk? EfiVars { get; init; }
    /// <summary>Host PCI devices given to the VM through vfio-pci.</summary>
    public IReadOnlyList<VmHostPci> HostPci { get; set; } = [];
    /// <summary>Host USB devices: vendor:product or bus-port, validated.</summary>
    public IReadOnlyList<string> HostUsb { get; set; } = [];

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<VmSpec> JsonTypeInfo => QemuJsonContext.Default.VmSpec;

    /// <summary>Every volume of the VM: its disks, then the UEFI variable store.</summary>
    [JsonIgnore]
    public IEnumerable<VmDisk> Volumes => EfiVars is null ? Disks : [.. Disks, EfiVars];

    /// <summary>
    /// This spec with its disks (pool and bus of each, in order: disk0, disk1, ...) and, for UEFI, its variable store
    /// named as the volumes of the VM that gets id <paramref name="id"/>.
    /// </summary>
    public VmSpec WithVolumesOf(int id, IReadOnlyList<(string Pool, string Bus)> disks, string varsPool) => this with
    {
        Disks = disks.Select((d, i) => new VmDisk($"disk{i}", d.Pool, QemuDefinition.DiskVolume(id, $"disk{i}"), "qcow2", d.Bus)).ToList(),
        EfiVars = Firmware == "uefi" ? new VmDisk(VmDisk.EfiVarsName, varsPool, QemuDefinition.DiskVolume(id, VmDisk.EfiVarsName)) : null,
    };

    public static VmSpec Of(GuestConfig config) => config.Spec<VmSpec>();

    public static VmSpec Of(GuestRecord guest) => Of(guest.Config);
}
