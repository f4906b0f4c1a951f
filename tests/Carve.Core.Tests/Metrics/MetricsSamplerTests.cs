using Carve.Core.Metrics;
using Carve.Core.Networks;
using Carve.Core.Tests.Orchestration;

namespace Carve.Core.Tests.Metrics;

/// <summary>What a scrape reads: each guest's state and memory size, and its NICs' byte counters from sysfs.</summary>
public sealed class MetricsSamplerTests : IDisposable
{
    private readonly CoreHarness _core = new();

    public MetricsSamplerTests() => _core.NatNetwork("lan", "10.78.0.0/24");

    public void Dispose() => _core.Dispose();

    private MetricsSampler Sampler => _core.Get<MetricsSampler>();

    /// <summary>The host side's counters of a tap, as the kernel keeps them in /sys/class/net.</summary>
    private void Counters(string iface, long rx, long tx)
    {
        var dir = Path.Combine(_core.Options.Hardware.HostRoot, "sys", "class", "net", iface, "statistics");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "rx_bytes"), $"{rx}\n");
        File.WriteAllText(Path.Combine(dir, "tx_bytes"), $"{tx}\n");
    }

    [Fact]
    public void A_running_guests_traffic_is_its_taps_counters_seen_from_the_guest_side()
    {
        var nics = _core.Plan(Contracts.Guests.GuestKind.Vm, "lan", "lan").Append(new GuestNic("net2", GuestNic.UserNetwork, "virtio", "52:54:00:00:00:09")).ToList();
        var web = _core.Guest("web", memoryMiB: 256, running: true, nics: nics);
        Counters($"tap{web.Id}i0", rx: 1000, tx: 5000);
        Counters($"tap{web.Id}i1", rx: 10, tx: 50);

        var sample = Assert.Single(Sampler.Guests());
        Assert.Equal(("web", web.Id, "vm", true, 256L << 20), (sample.Name, sample.Id, sample.Kind, sample.Running, sample.MemoryLimitBytes));
        // What the host side transmits, the guest receives.
        Assert.Equal((5050L, 1010L), (sample.NetworkReceiveBytes, sample.NetworkTransmitBytes));
    }

    [Fact]
    public void A_stopped_guest_is_down_with_no_traffic_and_the_host_has_memory_and_cpus()
    {
        var db = _core.Guest("db", nics: _core.Plan(Contracts.Guests.GuestKind.Vm, "lan"));
        Counters($"tap{db.Id}i0", rx: 7, tx: 7);
        var sample = Assert.Single(Sampler.Guests());
        Assert.Equal((false, (long?)null, (long?)null), (sample.Running, sample.NetworkReceiveBytes, sample.NetworkTransmitBytes));
        var host = Sampler.Host();
        Assert.True(host.MemoryTotalBytes > 0 && host.MemoryAvailableBytes > 0 && host.Cpus > 0);
    }
}
