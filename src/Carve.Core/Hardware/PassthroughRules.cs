using Carve.Host.Hardware;

namespace Carve.Core.Hardware;

/// <summary>
/// Decides, from sysfs facts alone, which PCI devices can be passed through. Pure: the fixture-tree tests pin every
/// reason. The IOMMU group is the unit: a device goes to a VM only together with every other member of its group
/// except PCIe bridges and root ports, which stay on the host's pcieport driver as vfio allows.
/// </summary>
public sealed class PassthroughRules(IReadOnlyList<PciDevice> devices, HostFacts facts, IReadOnlyDictionary<string, string>? assignedTo = null)
{
    private readonly Dictionary<string, PciDevice> _byAddress = devices.ToDictionary(d => d.Address, StringComparer.Ordinal);

    public IReadOnlyList<PciDevice> Devices => devices;

    /// <summary>The members of a device's IOMMU group, the device itself included, by address.</summary>
    public IReadOnlyList<PciDevice> Group(PciDevice device) =>
        device.IommuGroup is { } g ? devices.Where(d => d.IommuGroup == g).ToList() : [device];

    /// <summary>Group members that must be bound to vfio-pci with the device: all but PCI-to-PCI bridges.</summary>
    public IReadOnlyList<PciDevice> MembersToBind(PciDevice device) => Group(device).Where(d => !IsPciBridge(d)).ToList();

    public PciDevice? Find(string address) => _byAddress.GetValueOrDefault(address);

    public PassthroughVerdict Evaluate(PciDevice device)
    {
        if (device.IommuGroup is null || facts.IommuGroupCount == 0)
            return No("The IOMMU is off, so no device can be passed through safely; see `carve host check` for how to turn it on.");
        if (device.IsBridge)
            return No($"It is a {BridgeKind(device)}, part of the chipset that the host itself needs.");
        if (HostUse(device) is { } own)
            return No($"It is {own}.");
        foreach (var member in MembersToBind(device).Where(m => m.Address != device.Address))
        {
            if (member.IsBridge)
                return No($"It shares IOMMU group {device.IommuGroup} with the {BridgeKind(member)} {member.Address}, part of the chipset the host needs; the board does not isolate it (try another slot).");
            if (HostUse(member) is { } use)
                return No($"It shares IOMMU group {device.IommuGroup} with {member.Address}, which is {use}.");
        }
        if (device.ResetMethods.Count == 0)
            return No("The device has no reset method, so it cannot be returned to a clean state between VM starts.");
        if (assignedTo is not null && assignedTo.TryGetValue(device.Address, out var vm))
            return new PassthroughVerdict(false, $"It is assigned to the running VM '{vm}'.");
        var others = MembersToBind(device).Where(m => m.Address != device.Address).Select(m => m.Address).ToList();
        var withGroup = others.Count == 0
            ? $"It is alone in IOMMU group {device.IommuGroup}"
            : $"It goes together with the rest of IOMMU group {device.IommuGroup} ({string.Join(", ", others)})";
        return new PassthroughVerdict(true, device.BootVga
            ? $"{withGroup}; it shows the host's boot console, which goes dark while the VM runs."
            : $"{withGroup} and can be passed through.");
    }

    /// <summary>Why the host needs a device itself, or null when it does not.</summary>
    private string? HostUse(PciDevice device)
    {
        if (facts.RootDiskControllers.Contains(device.Address))
            return "the disk controller holding the host's root file system";
        if (device.Address == facts.DefaultRouteDevice)
            return $"the NIC carrying the host's default route ({facts.DefaultRouteInterface})";
        return null;
    }

    private static bool IsPciBridge(PciDevice d) => d.ClassCode.StartsWith("0604", StringComparison.Ordinal);

    private static string BridgeKind(PciDevice d) => d.ClassCode[..4] switch
    {
        "0600" => "host bridge",
        "0601" => "ISA bridge (LPC controller)",
        "0604" => "PCI bridge (root port)",
        _ => "bridge",
    };

    private static PassthroughVerdict No(string reason) => new(false, reason);
}
