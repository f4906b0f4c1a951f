using System.Diagnostics;
using Carve.Bench;

/// <summary>
/// What a user waits for around the CLI and the daemon: carve's own start-up, carve list with 20 guests (10 VMs and
/// 10 containers, 5 of them running), and carved's start until its socket accepts, fresh and with those guests.
/// </summary>
internal static class CliBench
{
    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        var carve = Path.Combine(outDir, "carve");
        var runs = iterations * 5;
        Console.WriteLine("## CLI and daemon start-up");
        Console.WriteLine($"carve --version: {Stats.Summary(await TimeAsync(runs, carve, "--version"))}");

        var fresh = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            await BenchDaemon.SettleAsync();
            await using var empty = await BenchDaemon.StartAsync(outDir, cache);
            fresh.Add(empty.StartedIn.TotalMilliseconds);
        }
        Console.WriteLine($"carved start until the socket accepts (new, empty data dir): {Stats.Summary(fresh)}");

        await BenchDaemon.SettleAsync();
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        for (var i = 0; i < 10; i++)
        {
            await VmFactory.CreateAsync(daemon.Client, VmFactory.DirectBoot($"vm-{i}", cache));
            await ContainerBench.CreateAsync(daemon, $"ct-{i}");
        }
        // All ten have run once (so the restart row also runs on builds from before carved could restart past a
        // container that never ran since boot); five still run.
        for (var i = 0; i < 10; i++)
            await daemon.Client.WaitTaskAsync((await daemon.Client.StartCtAsync($"ct-{i}", default)).TaskId, default);
        for (var i = 5; i < 10; i++)
            await daemon.Client.WaitTaskAsync((await daemon.Client.StopCtAsync($"ct-{i}", default)).TaskId, default);
        await BenchDaemon.SettleAsync();
        var listed = await BenchProcess.RunAsync(carve, "--socket", daemon.Socket, "list");
        if (Enumerable.Range(0, 10).Any(i => !listed.Contains($"vm-{i} ", StringComparison.Ordinal) || !listed.Contains($"ct-{i} ", StringComparison.Ordinal)))
            throw new InvalidOperationException("carve list did not list all 20 guests:\n" + listed);
        Console.WriteLine($"carve list, 20 guests (5 running): {Stats.Summary(await TimeAsync(runs, carve, "--socket", daemon.Socket, "list"))}");

        var restart = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            await BenchDaemon.SettleAsync();
            await daemon.RestartAsync();
            restart.Add(daemon.StartedIn.TotalMilliseconds);
        }
        Console.WriteLine($"carved restart (kill -9, start) until the socket accepts, 20 guests (5 running): {Stats.Summary(restart)}");
        Console.WriteLine();
        for (var i = 0; i < 5; i++)
            await daemon.Client.WaitTaskAsync((await daemon.Client.StopCtAsync($"ct-{i}", default)).TaskId, default);
    }

    /// <summary>Wall time of each run, after one unmeasured warm-up run.</summary>
    private static async Task<List<double>> TimeAsync(int runs, string file, params string[] args)
    {
        var samples = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await BenchProcess.RunAsync(file, args);
            if (i > 0)
                samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
