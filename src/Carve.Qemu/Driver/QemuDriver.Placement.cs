using System.Globalization;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Host.Hardware;
using Carve.Qemu.Launch;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    /// <summary>
    /// Keeps every QEMU thread (vCPUs, I/O, the main loop) off the host's reserved cores. QEMU has made its vCPU
    /// threads by the time -daemonize returns, and threads made later inherit the mask of the thread making them.
    /// </summary>
    private void PinToGuestCpus(int pid, ITaskContext task)
    {
        if (!reservation.PinsGuests)
            return;
        try
        {
            CpuAffinity.PinProcess(proc, pid, reservation.GuestCpus);
        }
        catch (IOException e)
        {
            Kill(pid);
            throw new OperationFailedException($"Could not keep QEMU off the reserved CPUs: {e.Message}", e);
        }
        task.Log($"Pinned QEMU's threads to CPUs {CpuAffinity.FormatList(reservation.GuestCpus)} (reserved for the host: {CpuAffinity.FormatList(reservation.ReservedCpus)}).");
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
