using Carve.Host.Sysfs;

namespace Carve.Host.Hardware;

/// <summary>
/// Carries out <see cref="VfioPlan"/>s on the host: the one place that writes PCI driver bindings to sysfs. Which
/// devices move, and when, is the core's decision.
/// </summary>
public sealed class VfioBinder(HostFs fs)
{
    /// <summary>True when the vfio-pci driver is loaded, so devices can be bound to it.</summary>
    public bool DriverLoaded => fs.Exists("sys/bus/pci/drivers/" + VfioPlan.VfioDriver);

    /// <summary>Binds each device (address, current driver) to vfio-pci.</summary>
    public void Bind(IEnumerable<(string Address, string? Driver)> devices) => Apply(VfioPlan.Bind(devices));

    /// <summary>Gives a device (address, driver now, driver it had before) back to its original driver.</summary>
    public void Release(string address, string? current, string? original) => Apply(VfioPlan.Release([(address, current, original)]));

    private void Apply(IReadOnlyList<SysfsWrite> steps)
    {
        foreach (var step in steps)
            fs.Write(step.Path, step.Value);
    }
}
