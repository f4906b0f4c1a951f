using Carve.Core.Metrics;
using Carve.Core.Tasks;
using Prometheus;

namespace Carve.Api.Metrics;

/// <summary>
/// Carve's metrics in the Prometheus text format, through prometheus-net, on a registry of its own (none of the
/// library's default process collectors, which would cost an idle daemon memory). Guest and host figures are
/// sampled when scraped; tasks and API requests are counted as they happen.
/// </summary>
public sealed class PrometheusExporter
{
    private static readonly string[] GuestLabels = ["guest", "id", "kind"];
    private static readonly double[] TaskBuckets = [0.05, 0.25, 1, 5, 15, 60, 300, 1800];
    private static readonly double[] RequestBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

    private readonly MetricsSampler _sampler;
    private readonly CollectorRegistry _registry;
    private readonly Gauge _up, _memory, _memoryLimit, _hostMemoryTotal, _hostMemoryAvailable, _hostLoad, _hostCpus;
    private readonly Counter _cpu, _received, _transmitted, _diskRead, _diskWritten, _tasks;
    private readonly Histogram _taskDuration, _requestDuration;
    private readonly Lock _gate = new();
    private HashSet<(string Name, string Id, string Kind)> _listed = [];

    public PrometheusExporter(MetricsSampler sampler, TaskEndings endings)
    {
        Prometheus.Metrics.SuppressDefaultMetrics();
        _sampler = sampler;
        _registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(_registry);
        _up = f.CreateGauge("carve_guest_up", "1 while the guest runs, 0 while it is stopped.", GuestLabels);
        _cpu = f.CreateCounter("carve_guest_cpu_seconds_total", "CPU time the running guest has used since it started.", GuestLabels);
        _memory = f.CreateGauge("carve_guest_memory_bytes", "Memory the running guest uses (QEMU's RSS, a container's cgroup).", GuestLabels);
        _memoryLimit = f.CreateGauge("carve_guest_memory_limit_bytes", "The guest's memory size or limit.", GuestLabels);
        _received = f.CreateCounter("carve_guest_network_receive_bytes_total", "Bytes the running guest received on its NICs on Carve networks.", GuestLabels);
        _transmitted = f.CreateCounter("carve_guest_network_transmit_bytes_total", "Bytes the running guest sent on its NICs on Carve networks.", GuestLabels);
        _diskRead = f.CreateCounter("carve_guest_disk_read_bytes_total", "Bytes the running guest read from disk (QEMU's process I/O, a container's io.stat).", GuestLabels);
        _diskWritten = f.CreateCounter("carve_guest_disk_write_bytes_total", "Bytes the running guest wrote to disk (QEMU's process I/O, a container's io.stat).", GuestLabels);
        _hostMemoryTotal = f.CreateGauge("carve_host_memory_total_bytes", "The host's memory.");
        _hostMemoryAvailable = f.CreateGauge("carve_host_memory_available_bytes", "The host's memory available without swapping (MemAvailable).");
        _hostLoad = f.CreateGauge("carve_host_load1", "The host's 1-minute load average.");
        _hostCpus = f.CreateGauge("carve_host_cpus", "The host's CPUs.");
        _tasks = f.CreateCounter("carve_tasks_total", "Tasks that ended, by type and result.", "type", "result");
        _taskDuration = f.CreateHistogram("carve_task_duration_seconds", "How long tasks ran, by type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = TaskBuckets });
        _requestDuration = f.CreateHistogram("carve_http_request_duration_seconds", "API requests by method, route pattern and status code.",
            new HistogramConfiguration { LabelNames = ["method", "route", "code"], Buckets = RequestBuckets });
        _registry.AddBeforeCollectCallback(Sample);
        endings.Ended += e =>
        {
            _tasks.WithLabels(e.Type, e.Status).Inc();
            _taskDuration.WithLabels(e.Type).Observe(e.Duration.TotalSeconds);
        };
    }

    public Task WriteAsync(Stream body, CancellationToken ct) => _registry.CollectAndExportAsTextAsync(body, ct);

    public void ObserveRequest(string method, string route, int status, TimeSpan duration) =>
        _requestDuration.WithLabels(method, route, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Observe(duration.TotalSeconds);

    private void Sample()
    {
        var host = _sampler.Host();
        _hostMemoryTotal.Set(host.MemoryTotalBytes);
        _hostMemoryAvailable.Set(host.MemoryAvailableBytes);
        _hostCpus.Set(host.Cpus);
        if (host.Load1 is { } load)
            _hostLoad.Set(load);
        lock (_gate)
        {
            var listed = new HashSet<(string Name, string Id, string Kind)>();
            foreach (var guest in _sampler.Guests())
            {
                var id = guest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                listed.Add((guest.Name, id, guest.Kind));
                Record(guest, [guest.Name, id, guest.Kind]);
            }
            // A deleted guest's series go, and so do a renamed one's old ones.
            foreach (var gone in _listed.Except(listed))
                Forget([gone.Name, gone.Id, gone.Kind], _up, _memoryLimit, _memory, _cpu, _received, _transmitted, _diskRead, _diskWritten);
            _listed = listed;
        }
    }

    private void Record(GuestSample guest, string[] labels)
    {
        _up.WithLabels(labels).Set(guest.Running ? 1 : 0);
        _memoryLimit.WithLabels(labels).Set(guest.MemoryLimitBytes);
        if (!guest.Running)
        {
            // A stopped guest uses nothing; its counters start again from zero at its next start.
            Forget(labels, _memory, _cpu, _received, _transmitted, _diskRead, _diskWritten);
            return;
        }
        Set(_memory, labels, guest.MemoryBytes);
        Total(_cpu, labels, guest.CpuSeconds);
        Total(_received, labels, guest.NetworkReceiveBytes);
        Total(_transmitted, labels, guest.NetworkTransmitBytes);
        Total(_diskRead, labels, guest.DiskReadBytes);
        Total(_diskWritten, labels, guest.DiskWriteBytes);
    }

    private static void Set(Gauge gauge, string[] labels, double? value)
    {
        if (value is { } v)
            gauge.WithLabels(labels).Set(v);
        else
            gauge.RemoveLabelled(labels);
    }

    /// <summary>A counter read as a total from its source: one that went down (a new process) starts a new series, as Prometheus expects of a reset.</summary>
    private static void Total(Counter counter, string[] labels, double? value)
    {
        if (value is not { } v)
        {
            counter.RemoveLabelled(labels);
            return;
        }
        if (v < counter.WithLabels(labels).Value)
            counter.RemoveLabelled(labels);
        counter.WithLabels(labels).IncTo(v);
    }

    private static void Forget(string[] labels, params Collector[] metrics)
    {
        foreach (var metric in metrics)
        {
            switch (metric)
            {
                case Gauge g: g.RemoveLabelled(labels); break;
                case Counter c: c.RemoveLabelled(labels); break;
            }
        }
    }
}
