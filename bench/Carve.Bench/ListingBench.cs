using System.Diagnostics;
using Carve.Bench;

/// <summary>GET /api/v1/vms latency with 500 defined VMs, over the unix socket, as an automation tool sees it.</summary>
internal static class ListingBench
{
    public static async Task RunAsync(string outDir, string cache)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        for (var i = 0; i < 500; i++)
            await VmFactory.CreateAsync(daemon.Client, VmFactory.DirectBoot($"list-{i}", cache));
        using var http = daemon.Http();
        var samples = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 330; i++)
        {
            var sw = Stopwatch.StartNew();
            var body = await http.GetByteArrayAsync("/api/v1/vms");
            if (i >= 30)
                samples.Add(sw.Elapsed.TotalMilliseconds);
            bytes = body.Length;
        }
        Console.WriteLine("## GET /api/v1/vms with 500 VMs");
        Console.WriteLine($"{Stats.Summary(samples)}, p99 {Stats.Ms(Stats.Percentile(samples, 99))}, {bytes / 1024} KiB per answer");
        Console.WriteLine();
    }
}
