using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Qemu.Guests;

/// <summary>What the core needs to know about VMs: virtio or e1000 NICs on taps, serial and VNC consoles, PCI passthrough.</summary>
public sealed class QemuDefinition : IGuestDefinition
{
    public IReadOnlyList<string> NicModels { get; } = ["virtio", "e1000"];

    public bool HasUserModeNat => true;

    public string HostInterface(int guestId, int index) => NicNames.Tap(guestId, index);

    public IReadOnlyList<string> ConsoleChannels { get; } = [Contracts.Consoles.ConsoleChannels.Serial, Contracts.Consoles.ConsoleChannels.Vnc];

    /// <summary>QEMU takes CPUs and memory at start; without hotplug configured, changes wait for the next start.</summary>
    public bool LimitsApplyLive => false;

    public IReadOnlyList<string> PciDevices(GuestConfig config) => VmSpec.Of(config).HostPci.Select(p => p.Address).ToList();

    public GuestConfig CloneConfig(GuestConfig source, int cloneId, string cloneName, IReadOnlyList<GuestNic> nics)
    {
        var spec = VmSpec.Of(source);
        return (source with { Nics = nics }).WithSpec(spec with
        {
            Uuid = Guid.NewGuid().ToString(),
            Disks = spec.Disks.Select(d => d with { Volume = DiskVolume(cloneId, d.Name), Format = "qcow2" }).ToList(),
            EfiVars = spec.EfiVars is null ? null : spec.EfiVars with { Volume = DiskVolume(cloneId, VmDisk.EfiVarsName), Format = "qcow2" },
        });
    }

    /// <summary>A VM's volume for one of its disks (or its UEFI variables), named from its id.</summary>
    public static string DiskVolume(int guestId, string disk) => $"vm-{guestId}-{disk}.qcow2";
}
