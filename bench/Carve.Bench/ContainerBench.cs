using System.Diagnostics;
using Carve.Bench;
using Carve.Contracts.Containers;

/// <summary>
/// A busybox container's start+stop cycle through REST, through the CLI, and with raw lxc-start -d / lxc-stop -k
/// on the very same container (same config, same rootfs); then 100 containers started at once.
/// </summary>
internal static class ContainerBench
{
    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        await BenchDaemon.SettleAsync();
        var c = daemon.Client;
        await CreateAsync(daemon, "bench");
        var id = (await c.GetCtAsync("bench", default)).Id;
        var lxcPath = Path.Combine(daemon.Root, "data", "lxc");
        var name = $"ct-{id}";
        List<double> rest = [], cli = [], raw = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            await Ok(c.StartCtAsync("bench", default), c);
            await Ok(c.StopCtAsync("bench", default), c);
            var restMs = sw.Elapsed.TotalMilliseconds;

            sw.Restart();
            await BenchProcess.RunAsync(Path.Combine(outDir, "carve"), "--socket", daemon.Socket, "ct", "start", "bench");
            await BenchProcess.RunAsync(Path.Combine(outDir, "carve"), "--socket", daemon.Socket, "ct", "stop", "bench");
            var cliMs = sw.Elapsed.TotalMilliseconds;

            sw.Restart();
            await BenchProcess.RunAsync("lxc-start", "-n", name, "-P", lxcPath, "-d");
            await BenchProcess.RunAsync("lxc-stop", "-n", name, "-P", lxcPath, "-k");
            var rawMs = sw.Elapsed.TotalMilliseconds;
            if (i == 0)
                continue;
            rest.Add(restMs);
            cli.Add(cliMs);
            raw.Add(rawMs);
        }
        Console.WriteLine("## Container start + stop (busybox)");
        Console.WriteLine($"raw lxc-start -d + lxc-stop -k: {Stats.Summary(raw)}");
        Console.WriteLine($"carve REST (start task + stop task): {Stats.Summary(rest)}");
        Console.WriteLine($"carve CLI (carve ct start + carve ct stop): {Stats.Summary(cli)}");
        Console.WriteLine($"REST over raw (medians): {Stats.Ms(Stats.Percentile(rest, 50) - Stats.Percentile(raw, 50))}; CLI/raw: {Stats.Percentile(cli, 50) / Stats.Percentile(raw, 50):0.00}x");
        // The floor under any CLI command: the .NET runtime starting and stopping, with no daemon call at all.
        List<double> version = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            await BenchProcess.RunAsync(Path.Combine(outDir, "carve"), "--version");
            if (i > 0)
                version.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"carve --version (CLI start-up alone, no daemon call): {Stats.Summary(version)}");
        Console.WriteLine();
        await DensityAsync(daemon);
    }

    private static async Task DensityAsync(BenchDaemon daemon)
    {
        var c = daemon.Client;
        const int count = 100;
        for (var i = 0; i < count; i++)
            await CreateAsync(daemon, $"dense-{i}");
        var sw = Stopwatch.StartNew();
        var accepted = await Task.WhenAll(Enumerable.Range(0, count).Select(i => c.StartCtAsync($"dense-{i}", default)));
        var results = await Task.WhenAll(accepted.Select(a => c.WaitTaskAsync(a.TaskId, default)));
        var total = sw.Elapsed.TotalSeconds;
        var failed = results.Count(r => r.Status != "succeeded");
        var rss = File.ReadAllLines($"/proc/{daemon.Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Console.WriteLine($"## Density: {count} busybox containers started at once");
        Console.WriteLine($"all started in {total:0.0} s ({failed} failed); carved RSS while they run: {long.Parse(rss) / 1024.0:0.0} MiB");
        Console.WriteLine();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            await c.WaitTaskAsync((await c.DeleteCtAsync($"dense-{i}", true, default)).TaskId, default)));
    }

    public static async Task CreateAsync(BenchDaemon daemon, string name)
    {
        var task = await daemon.Client.WaitTaskAsync(
            (await daemon.Client.CreateCtAsync(new CreateCtRequest { Name = name, Template = "busybox", MemoryMiB = 64 }, default)).TaskId, default);
        if (task.Status != "succeeded")
            throw new InvalidOperationException($"create {name}: {task.Error}");
    }

    private static async Task Ok(Task<Carve.Contracts.Tasks.TaskAccepted> submit, Carve.Client.CarveClient c)
    {
        var task = await c.WaitTaskAsync((await submit).TaskId, default);
        if (task.Status != "succeeded")
            throw new InvalidOperationException(task.Error);
    }
}
