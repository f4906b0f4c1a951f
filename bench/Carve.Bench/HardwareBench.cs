using System.Diagnostics;
using Carve.Bench;

/// <summary>
/// What the reservation costs a start (admission control plus pinning every QEMU thread), measured as REST start
/// until the task is done with and without `reserved: {cpus: [0]}`; and the latency of the hardware views, which read
/// sysfs afresh on every call.
/// </summary>
internal static class HardwareBench
{
    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        Console.WriteLine("## VM start (REST, until the task is done) with and without a reservation");
        var plain = await StartTimesAsync(outDir, cache, iterations, null);
        var reserved = await StartTimesAsync(outDir, cache, iterations, """ "reserved": {"memory": "1GiB", "cpus": [0]} """);
        Console.WriteLine($"no reservation: {Stats.Summary(plain)}");
        Console.WriteLine($"reserved memory and CPU 0 (admission + sched_setaffinity on every QEMU thread): {Stats.Summary(reserved)}");
        Console.WriteLine($"difference of medians: {Stats.Ms(Stats.Percentile(reserved, 50) - Stats.Percentile(plain, 50))}");
        Console.WriteLine();

        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        using var http = daemon.Http();
        foreach (var path in new[] { "/api/v1/host/pci", "/api/v1/host/check", "/api/v1/host" })
        {
            var samples = new List<double>();
            for (var i = 0; i < 230; i++)
            {
                var sw = Stopwatch.StartNew();
                await http.GetByteArrayAsync(path);
                if (i >= 30)
                    samples.Add(sw.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"GET {path}: {Stats.Summary(samples)}");
        }
        Console.WriteLine();
    }

    private static async Task<List<double>> StartTimesAsync(string outDir, string cache, int iterations, string? config)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache, config);
        var c = daemon.Client;
        await VmFactory.CreateAsync(c, VmFactory.DirectBoot("bench", cache));
        var samples = new List<double>();
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            var task = await c.WaitTaskAsync((await c.StartVmAsync("bench", default)).TaskId, default);
            var ms = sw.Elapsed.TotalMilliseconds;
            if (task.Status != "succeeded")
                throw new InvalidOperationException(task.Error);
            await c.WaitTaskAsync((await c.StopVmAsync("bench", default)).TaskId, default);
            if (i > 0)
                samples.Add(ms);
        }
        return samples;
    }
}
