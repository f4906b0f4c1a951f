using Carve.Bench;

/// <summary>carved's resident memory and CPU use while idle, with 0 and with 50 defined (stopped) VMs.</summary>
internal static class IdleDaemonBench
{
    public static async Task RunAsync(string outDir, string cache)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        await daemon.Client.GetHostAsync(default);
        // Idle means settled: start-up work (the KVM probe, tiered JIT) is over.
        await Task.Delay(TimeSpan.FromSeconds(30));
        Console.WriteLine("## Idle daemon");
        Console.WriteLine($"0 VMs: {await SampleAsync(daemon.Pid)}");
        for (var i = 0; i < 50; i++)
            await VmFactory.CreateAsync(daemon.Client, VmFactory.DirectBoot($"idle-{i}", cache));
        await daemon.Client.ListVmsAsync(default);
        await Task.Delay(TimeSpan.FromSeconds(30));
        Console.WriteLine($"50 VMs: {await SampleAsync(daemon.Pid)}");
        Console.WriteLine();
    }

    private static async Task<string> SampleAsync(int pid)
    {
        var window = TimeSpan.FromSeconds(30);
        var before = CpuSeconds(pid);
        await Task.Delay(window);
        var cpu = (CpuSeconds(pid) - before) / window.TotalSeconds * 100;
        var rssKib = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var pssKib = File.ReadAllLines($"/proc/{pid}/smaps_rollup").First(l => l.StartsWith("Pss:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"RSS {long.Parse(rssKib) / 1024.0:0.0} MiB (PSS {long.Parse(pssKib) / 1024.0:0.0} MiB), CPU {cpu:0.00}% of one core over {window.TotalSeconds:0} s";
    }

    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
