using System.Diagnostics;
using Carve.Bench;
using Carve.Qemu.Qmp;

/// <summary>
/// Time from "start" until QMP answers, through REST, through the CLI, and with raw qemu-system-x86_64 given the
/// very argv Carve used. The difference is what the management layer adds.
/// </summary>
internal static class StartOverheadBench
{
    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        var c = daemon.Client;
        await VmFactory.CreateAsync(c, VmFactory.DirectBoot("bench", cache));
        List<double> rest = [], cli = [], raw = [];
        string[] argv = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            var task = await c.WaitTaskAsync((await c.StartVmAsync("bench", default)).TaskId, default);
            var restMs = sw.Elapsed.TotalMilliseconds;
            if (task.Status != "succeeded")
                throw new InvalidOperationException(task.Error);
            var pid = (await c.GetVmAsync("bench", default)).Runtime!.Pid!.Value;
            argv = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            await StopAsync(c);

            sw.Restart();
            var run = Process.Start(new ProcessStartInfo(Path.Combine(outDir, "carve"), ["--socket", daemon.Socket, "vm", "start", "bench"]) { RedirectStandardOutput = true })!;
            await run.WaitForExitAsync();
            var cliMs = sw.Elapsed.TotalMilliseconds;
            await StopAsync(c);

            var rawMs = await RawStartAsync(argv, daemon.Root);
            if (i == 0)
                continue; // warm-up: JIT, page cache
            rest.Add(restMs);
            cli.Add(cliMs);
            raw.Add(rawMs);
        }
        Console.WriteLine("## VM start until QMP answers");
        Console.WriteLine($"raw qemu-system-x86_64: {Stats.Summary(raw)}");
        Console.WriteLine($"carve REST (POST start + wait task): {Stats.Summary(rest)}");
        Console.WriteLine($"carve CLI (carve vm start): {Stats.Summary(cli)}");
        Console.WriteLine($"REST overhead over raw (medians): {Stats.Ms(Stats.Percentile(rest, 50) - Stats.Percentile(raw, 50))}");
        Console.WriteLine();
    }

    private static async Task StopAsync(Carve.Client.CarveClient c) =>
        await c.WaitTaskAsync((await c.StopVmAsync("bench", default)).TaskId, default);

    /// <summary>The same argv Carve used, with its sockets moved to a separate dir.</summary>
    private static async Task<double> RawStartAsync(string[] carveArgv, string root)
    {
        var dir = Path.Combine(root, "raw");
        Directory.CreateDirectory(dir);
        var runtimeDir = Path.GetDirectoryName(carveArgv.Select(a => a).First(a => a.EndsWith("qemu.pid", StringComparison.Ordinal)))!;
        var argv = carveArgv.Skip(1).Select(a => a.Replace(runtimeDir, dir, StringComparison.Ordinal)).ToList();
        foreach (var f in Directory.GetFiles(dir))
            File.Delete(f);
        var sw = Stopwatch.StartNew();
        var qemu = Process.Start(new ProcessStartInfo(carveArgv[0], argv) { RedirectStandardError = true })!;
        await qemu.WaitForExitAsync();
        await using var qmp = await QmpClient.ConnectAsync(Path.Combine(dir, "qmp.sock"), default);
        await qmp.QueryStatusAsync(default);
        var ms = sw.Elapsed.TotalMilliseconds;
        var pid = int.Parse(File.ReadAllText(Path.Combine(dir, "qemu.pid")).Trim());
        await qmp.QuitAsync(default);
        while (IsRunning(pid))
            await Task.Delay(20);
        return ms;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
