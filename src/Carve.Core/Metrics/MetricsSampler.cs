using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Host.Proc;
using Carve.Host.Sysfs;

namespace Carve.Core.Metrics;

/// <summary>
/// Samples the host and every guest when asked (a Prometheus scrape): no process is spawned and no guest's monitor
/// is asked, only files are read, so a scrape of many guests stays cheap.
/// </summary>
public sealed class MetricsSampler(GuestStore guests, GuestDrivers drivers, ProcFs proc, HostFs host)
{
    public HostSample Host()
    {
        var (total, available) = proc.ReadMemory();
        return new HostSample(total, available, proc.ReadLoadAverage(), Environment.ProcessorCount);
    }

    public IReadOnlyList<GuestSample> Guests() => guests.List().Select(Sample).ToList();

    private GuestSample Sample(GuestRecord guest)
    {
        var runtime = drivers.Instance(guest.Kind).Inspect(guest);
        var (rx, tx) = runtime.IsRunning ? NetworkBytes(guest) : (null, null);
        return new GuestSample(guest.Name, guest.Id, guest.Kind.ToString().ToLowerInvariant(), runtime.IsRunning,
            runtime.CpuSeconds, runtime.MemoryRssBytes, runtime.MemoryLimitBytes ?? guest.Config.MemoryBytes, rx, tx,
            runtime.DiskReadBytes, runtime.DiskWriteBytes);
    }

    /// <summary>
    /// Bytes through the guest's NICs, summed. The counters are the host side's (its tap or veth), so what the host
    /// side transmits is what the guest receives.
    /// </summary>
    private (long? Receive, long? Transmit) NetworkBytes(GuestRecord guest)
    {
        var definition = drivers.Definition(guest.Kind);
        long? receive = null, transmit = null;
        // A user-mode NIC (QEMU's own NAT) has no host interface to count.
        foreach (var nic in guest.Config.Nics.Where(n => n.OnCarveNetwork))
        {
            var statistics = $"sys/class/net/{definition.HostInterface(guest.Id, Networks.NicNames.Index(nic.Name))}/statistics/";
            if (Counter(statistics + "tx_bytes") is { } r)
                receive = (receive ?? 0) + r;
            if (Counter(statistics + "rx_bytes") is { } t)
                transmit = (transmit ?? 0) + t;
        }
        return (receive, transmit);
    }

    private long? Counter(string relative) =>
        long.TryParse(host.Read(relative), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
