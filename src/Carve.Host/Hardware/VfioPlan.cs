namespace Carve.Host.Hardware;

/// <summary>
/// The sysfs writes that move devices to vfio-pci and back, without a reboot: driver_override makes the next probe
/// pick vfio-pci whatever the device's ids are, unbind lets go of the host driver, drivers_probe binds again.
/// Pure, so the steps are tested exactly against fixture trees.
/// </summary>
public static class VfioPlan
{
    public const string VfioDriver = "vfio-pci";

    /// <summary>Steps that bind each device (address, current driver) to vfio-pci; devices already there are left alone.</summary>
    public static IReadOnlyList<SysfsWrite> Bind(IEnumerable<(string Address, string? Driver)> devices)
    {
        var steps = new List<SysfsWrite>();
        foreach (var (address, driver) in devices.Where(d => d.Driver != VfioDriver))
        {
            steps.Add(new($"sys/bus/pci/devices/{address}/driver_override", VfioDriver));
            if (driver is not null)
                steps.Add(new($"sys/bus/pci/drivers/{driver}/unbind", address));
            steps.Add(new("sys/bus/pci/drivers_probe", address));
        }
        return steps;
    }

    /// <summary>Steps that give each device (address, driver now, driver it had before) back to its original driver.</summary>
    public static IReadOnlyList<SysfsWrite> Release(IEnumerable<(string Address, string? Current, string? Original)> devices)
    {
        var steps = new List<SysfsWrite>();
        foreach (var (address, current, original) in devices)
        {
            // A newline clears the override (an empty write never reaches the kernel).
            steps.Add(new($"sys/bus/pci/devices/{address}/driver_override", "\n"));
            if (current is not null && current == original)
                continue;
            if (current is not null)
                steps.Add(new($"sys/bus/pci/drivers/{current}/unbind", address));
            // A device that had no driver stays without one.
            if (original is not null)
                steps.Add(new($"sys/bus/pci/drivers/{original}/bind", address));
        }
        return steps;
    }
}
