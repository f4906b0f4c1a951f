using System.Diagnostics;
using Carve.Bench;

/// <summary>
/// GET /metrics with 100 running busybox containers: the scrape's latency, and carved's CPU per scrape, which at
/// Prometheus's usual 10 s interval is the sampling cost in % of one core.
/// </summary>
internal static class MetricsBench
{
    private const int Count = 100;
    private const int Scrapes = 330;
    private const int Warmup = 30;

    public static async Task RunAsync(string outDir, string cache)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        var c = daemon.Client;
        for (var i = 0; i < Count; i++)
            await ContainerBench.CreateAsync(daemon, $"scraped-{i}");
        var started = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => c.StartCtAsync($"scraped-{i}", default)));
        await Task.WhenAll(started.Select(s => c.WaitTaskAsync(s.TaskId, default)));
        await BenchDaemon.SettleAsync();

        using var http = daemon.Http();
        var samples = new List<double>();
        long bytes = 0;
        double cpuBefore = 0;
        for (var i = 0; i < Scrapes; i++)
        {
            if (i == Warmup)
                cpuBefore = IdleDaemonBench.CpuSeconds(daemon.Pid);
            var sw = Stopwatch.StartNew();
            var body = await http.GetByteArrayAsync("/metrics");
            if (i >= Warmup)
                samples.Add(sw.Elapsed.TotalMilliseconds);
            bytes = body.Length;
        }
        var cpuPerScrape = (IdleDaemonBench.CpuSeconds(daemon.Pid) - cpuBefore) / (Scrapes - Warmup);
        Console.WriteLine($"## GET /metrics with {Count} running containers");
        Console.WriteLine($"{Stats.Summary(samples)}, p99 {Stats.Ms(Stats.Percentile(samples, 99))}, {bytes / 1024} KiB per answer");
        Console.WriteLine($"carved CPU per scrape {cpuPerScrape * 1000:0.0} ms: {cpuPerScrape / 10 * 100:0.00}% of one core at a 10 s interval");
        Console.WriteLine();
        await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
            await c.WaitTaskAsync((await c.DeleteCtAsync($"scraped-{i}", true, default)).TaskId, default)));
    }
}
