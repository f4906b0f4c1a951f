using Carve.Contracts.Host;
using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Core.HostInfo;
using Carve.Core.Resources;
using Carve.Host.Hardware;

namespace Carve.Core.Hardware;

/// <summary>The hardware views of the API: PCI devices with groups and eligibility, USB devices, the readiness check.</summary>
public sealed class HostHardware(
    PciScanner pci, UsbScanner usb, HostFactsReader factsReader, HardwareOptions options, IHypervisorFacts hypervisor,
    ResourceLedger resources, PciAssignmentStore assignments, GuestStore guests, Drivers.GuestDrivers drivers)
{
    private readonly Lazy<IdsDatabase> _pciIds = new(() => IdsDatabase.Load(options.PciIds));
    private readonly Lazy<IdsDatabase> _usbIds = new(() => IdsDatabase.Load(options.UsbIds));

    public HostCheckReport Check() => HostCheck.Evaluate(factsReader.Read(), hypervisor.Kvm, resources.Usage());

    /// <summary>The rules over the current devices, with the devices already given to VMs marked as theirs.</summary>
    public PassthroughRules Rules() => Rules(AssignedDevices());

    /// <summary>What a caller limited to some guests is told of a device another guest holds: not that guest's name.</summary>
    public const string AnotherGuest = "another guest";

    /// <param name="mayUse">For a caller limited to some guests: whose names it may see.</param>
    public IReadOnlyList<PciDeviceView> Pci(Func<string, bool>? mayUse = null)
    {
        var assigned = AssignedDevices();
        var rules = Rules(assigned);
        var ids = _pciIds.Value;
        return rules.Devices.Select(d =>
        {
            var verdict = rules.Evaluate(d);
            var holder = assigned.GetValueOrDefault(d.Address);
            if (holder is not null && mayUse is not null && !mayUse(holder))
                (holder, verdict) = (AnotherGuest, verdict with { Reason = "It is assigned to another running VM." });
            return new PciDeviceView
            {
                Address = d.Address,
                Id = $"{d.VendorId}:{d.DeviceId}",
                Vendor = ids.Vendor(d.VendorId),
                Device = ids.Device(d.VendorId, d.DeviceId),
                Class = ids.Class(d.ClassCode),
                Driver = d.Driver,
                IommuGroup = d.IommuGroup,
                GroupMembers = rules.Group(d).Where(m => m.Address != d.Address).Select(m => m.Address).ToList(),
                Passthrough = verdict.Eligible,
                Reason = verdict.Reason,
                AssignedTo = holder,
            };
        }).ToList();
    }

    public IReadOnlyList<UsbDeviceView> Usb()
    {
        var ids = _usbIds.Value;
        return usb.Scan().Select(d => new UsbDeviceView
        {
            Port = d.Port,
            Id = $"{d.VendorId}:{d.ProductId}",
            Vendor = d.Manufacturer ?? ids.Vendor(d.VendorId),
            Product = d.Product ?? ids.Device(d.VendorId, d.ProductId),
            Speed = d.Speed,
            RootHub = d.IsRootHub,
        }).ToList();
    }

    private PassthroughRules Rules(Dictionary<string, string> assigned) => new(pci.Scan(), factsReader.Read(), assigned);

    /// <summary>Devices bound for a running VM, by address, to the VM's name.</summary>
    private Dictionary<string, string> AssignedDevices() =>
        assignments.List().Select(a => (a.Address, Guest: guests.Find(a.GuestId)))
            .Where(a => a.Guest is not null && drivers.Instance(a.Guest.Kind).Inspect(a.Guest).IsRunning)
            .ToDictionary(a => a.Address, a => a.Guest!.Name, StringComparer.Ordinal);
}
