using System.Globalization;
using Carve.Core.Guests;
using Carve.Qemu.Guests;

namespace Carve.Qemu.Launch;

/// <summary>
/// The step from a VM's stored config to what QEMU is started with, as Proxmox's cfg2cmd: a pure function, so
/// golden tests can pin it (tests/Carve.Qemu.Tests/Golden/Config). <see cref="QemuArgvBuilder"/> takes it from there.
/// </summary>
public static class VmLaunchPlan
{
    public static QemuLaunchSpec From(GuestRecord guest, VmLaunchInputs inputs)
    {
        var config = guest.Config;
        var spec = VmSpec.Of(config);
        return new QemuLaunchSpec
        {
            Id = guest.Id, Name = guest.Name, Uuid = spec.Uuid,
            Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Accel = inputs.Accel,
            Uefi = spec.EfiVars is { } vars
                ? new QemuFirmware(inputs.OvmfCode, inputs.VolumePaths[vars.Volume], inputs.VarsFormat ?? vars.Format)
                : null,
            Disks = spec.Disks.Select(d => new QemuDisk(d.Name, inputs.VolumePaths[d.Volume], d.Format, d.Bus)).ToList(),
            CdromPath = spec.Cdrom,
            KernelPath = spec.Kernel, InitrdPath = spec.Initrd, Cmdline = spec.Cmdline,
            Nics = config.Nics.Select((n, i) => new QemuNic(n.Name, n.Mac, n.Model, inputs.Taps.TryGetValue(i, out var tap) ? "tap:" + tap : "user")).ToList(),
            HostPci = spec.HostPci.Select(p => new QemuHostPci(p.Address, p.RomBar, p.PrimaryGpu)).ToList(),
            HostUsb = spec.HostUsb.Select(HostUsb).ToList(),
            QmpSocket = inputs.Paths.QmpSocket, SerialSocket = inputs.Paths.SerialSocket, SerialLog = inputs.Paths.SerialLog,
            VncSocket = inputs.Paths.VncSocket, PidFile = inputs.Paths.PidFile,
            StartPaused = inputs.StartPaused,
        };
    }

    /// <summary>The stored form (046d:c52b or 1-1.2, validated at the edge) as usb-host's match.</summary>
    private static QemuHostUsb HostUsb(string spec)
    {
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
            return new QemuHostUsb(Bus: int.Parse(spec[..dash], CultureInfo.InvariantCulture), Port: spec[(dash + 1)..]);
        var parts = spec.Split(':');
        return new QemuHostUsb(VendorId: parts[0], ProductId: parts[1]);
    }
}
