using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Host.Hardware;

namespace Carve.Core.Hardware;

/// <summary>
/// Hands PCI devices to a VM at start and back to the host at stop: every member of each device's IOMMU group is
/// bound to vfio-pci (bridges excepted), the original drivers recorded first so a crashed daemon's successor can
/// rebind them. Refuses devices the host uses, devices of another running VM and groups that cannot go whole.
/// </summary>
public sealed class PciPassthrough(
    VfioBinder vfio, PciScanner pci, HostHardware hardware, PciAssignmentStore store, GuestStore guests, GuestDrivers drivers)
{
    private readonly Lock _gate = new();

    /// <summary>Binds the devices for <paramref name="guest"/>; on any failure what was bound is given back.</summary>
    public void Bind(GuestRecord guest, IReadOnlyList<string> addresses, ITaskContext task)
    {
        if (addresses.Count == 0)
            return;
        lock (_gate)
        {
            var plan = PlanFor(guest, addresses);
            store.Add(guest.Id, plan.Select(d => (d.Address, d.Driver)));
            try
            {
                vfio.Bind(plan.Select(d => (d.Address, d.Driver)));
                foreach (var device in plan)
                    if (pci.Read(device.Address)?.Driver != VfioPlan.VfioDriver)
                        throw new OperationFailedException($"{device.Address} did not bind to vfio-pci (it has {pci.Read(device.Address)?.Driver ?? "no driver"}).");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationFailedException)
            {
                ReleaseLocked(guest.Id, task);
                throw new OperationFailedException($"Could not hand {string.Join(", ", addresses)} to vfio-pci: {e.Message}", e);
            }
            task.Log($"Bound to vfio-pci: {string.Join(", ", plan.Select(d => $"{d.Address} (was {d.Driver ?? "unbound"})"))}.");
        }
    }

    /// <summary>Gives every device bound for the guest back to its original driver.</summary>
    public void Release(int guestId, ITaskContext task)
    {
        lock (_gate)
            ReleaseLocked(guestId, task);
    }

    /// <summary>At daemon start: devices whose VM no longer runs go back to the host.</summary>
    public void Recover(ITaskContext task)
    {
        foreach (var id in store.List().Select(a => a.GuestId).Distinct().ToList())
            if (guests.Find(id) is not { } guest || !drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
                Release(id, task);
    }

    /// <summary>The devices to bind: checked for eligibility, each group whole.</summary>
    private List<PciDevice> PlanFor(GuestRecord guest, IReadOnlyList<string> addresses)
    {
        var rules = hardware.Rules();
        var others = store.List().Where(a => a.GuestId != guest.Id && IsRunning(a.GuestId)).ToDictionary(a => a.Address, a => a.GuestId);
        var plan = new List<PciDevice>();
        foreach (var address in addresses)
        {
            var device = rules.Find(address) ?? throw new BadRequestException($"There is no PCI device {address} on this host; see `carve host pci`.");
            var members = rules.MembersToBind(device);
            foreach (var member in members)
                if (others.TryGetValue(member.Address, out var owner))
                    throw new ConflictException(
                        $"{member.Address}{(member.Address == address ? "" : $" (IOMMU group {device.IommuGroup} of {address})")} is assigned to the running {guests.Find(owner)?.Describe() ?? $"guest {owner}"}.");
            var verdict = rules.Evaluate(device);
            if (!verdict.Eligible)
                throw new ConflictException($"{address} cannot be passed through: {verdict.Reason}");
            plan.AddRange(members.Where(m => plan.All(p => p.Address != m.Address)));
        }
        if (!vfio.DriverLoaded)
            throw new ConflictException("The vfio-pci driver is not loaded: run `modprobe vfio-pci` (and add it to /etc/modules) before starting a VM with PCI devices.");
        return plan;
    }

    private bool IsRunning(int guestId) => guests.Find(guestId) is { } g && drivers.Instance(g.Kind).Inspect(g).IsRunning;

    private void ReleaseLocked(int guestId, ITaskContext task)
    {
        foreach (var assignment in store.List().Where(a => a.GuestId == guestId))
        {
            var current = pci.Read(assignment.Address)?.Driver;
            try
            {
                vfio.Release(assignment.Address, current, assignment.OriginalDriver);
                store.Remove(assignment.Address);
                task.Log($"Gave {assignment.Address} back to {assignment.OriginalDriver ?? "no driver"}.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                task.Log($"Could not give {assignment.Address} back to {assignment.OriginalDriver ?? "no driver"} ({e.Message}); the next start of carved tries again.");
            }
        }
    }
}
