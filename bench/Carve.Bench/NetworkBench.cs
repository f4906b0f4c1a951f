using System.Diagnostics;
using Carve.Bench;
using Carve.Client;
using Carve.Contracts.Containers;
using Carve.Contracts.Networks;
using Carve.Contracts.Vms;

/// <summary>
/// In a network namespace of its own: a NAT network's create+delete through REST against the raw commands that do the
/// same (ip, nft -f with the ruleset Carve wrote, dnsmasq with its config), and a busybox container's start+stop with
/// a NIC on that network against one without.
/// </summary>
internal static class NetworkBench
{
    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        var ns = $"carve-bench-{Environment.ProcessId}";
        await BenchProcess.RunAsync("ip", "netns", "add", ns);
        try
        {
            await using var daemon = await BenchDaemon.StartAsync(outDir, cache, netns: ns);
            await CreateDeleteAsync(daemon, ns, iterations);
            await NicStartAsync(daemon, iterations);
        }
        finally
        {
            await BenchProcess.RunAsync("ip", "netns", "del", ns);
        }
    }

    private static async Task CreateDeleteAsync(BenchDaemon daemon, string ns, int iterations)
    {
        var c = daemon.Client;
        var dir = Path.Combine(daemon.Root, "data", "networks", "bench");
        var saved = Path.Combine(daemon.Root, "raw");
        Directory.CreateDirectory(saved);
        // What `ip netns exec` alone costs (each raw command pays it once; carved, inside the namespace, does not).
        List<double> exec = [];
        for (var i = 0; i < 20; i++)
        {
            var probe = Stopwatch.StartNew();
            await BenchProcess.RunAsync("ip", "netns", "exec", ns, "true");
            exec.Add(probe.Elapsed.TotalMilliseconds);
        }
        List<double> rest = [], raw = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            await Ok(c.CreateNetworkAsync(new CreateNetworkRequest { Name = "bench", Type = "nat", Subnet = "10.199.0.0/24" }, default), c);
            var created = sw.Elapsed.TotalMilliseconds;
            File.Copy(Path.Combine(dir, "dnsmasq.conf"), Path.Combine(saved, "dnsmasq.conf"), true);
            File.Copy(Path.Combine(dir, "nftables.rules"), Path.Combine(saved, "nftables.rules"), true);
            sw.Restart();
            await Ok(c.DeleteNetworkAsync("bench", default), c);
            var restMs = created + sw.Elapsed.TotalMilliseconds;

            // The raw path, each command through `ip netns exec`.
            Directory.CreateDirectory(dir);
            sw.Restart();
            await In(ns, "ip", "link", "add", "bench", "type", "bridge");
            await In(ns, "ip", "addr", "add", "10.199.0.1/24", "dev", "bench");
            await In(ns, "ip", "link", "set", "bench", "up");
            await In(ns, "nft", "-f", Path.Combine(saved, "nftables.rules"));
            await In(ns, "dnsmasq", "--conf-file=" + Path.Combine(saved, "dnsmasq.conf"));
            var pid = int.Parse(File.ReadAllText(Path.Combine(dir, "dnsmasq.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Process.GetProcessById(pid).Kill();
            await In(ns, "nft", "delete", "table", "inet", "carve_bench");
            await In(ns, "ip", "link", "del", "bench");
            var rawMs = sw.Elapsed.TotalMilliseconds;
            Directory.Delete(dir, true);
            if (i == 0)
                continue;
            rest.Add(restMs);
            raw.Add(rawMs);
        }
        Console.WriteLine("## NAT network create + delete (bridge, address, nft table, dnsmasq)");
        Console.WriteLine($"raw ip + nft -f + dnsmasq, then teardown, 8 commands through ip netns exec: {Stats.Summary(raw)}");
        Console.WriteLine($"carve REST (create task + delete task): {Stats.Summary(rest)}");
        Console.WriteLine($"(ip netns exec true alone: {Stats.Summary(exec)})");
        Console.WriteLine();
    }

    private static async Task NicStartAsync(BenchDaemon daemon, int iterations)
    {
        var c = daemon.Client;
        await Ok(c.CreateNetworkAsync(new CreateNetworkRequest { Name = "bench", Type = "nat", Subnet = "10.199.0.0/24" }, default), c);
        await Ok(c.CreateCtAsync(new CreateCtRequest { Name = "plain", Template = "busybox", MemoryMiB = 64 }, default), c);
        await Ok(c.CreateCtAsync(new CreateCtRequest { Name = "nic", Template = "busybox", MemoryMiB = 64, Nics = [new NicRequest { Network = "bench" }] }, default), c);
        List<double> plain = [], nic = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var plainMs = await StartStopAsync(c, "plain");
            var nicMs = await StartStopAsync(c, "nic");
            if (i == 0)
                continue;
            plain.Add(plainMs);
            nic.Add(nicMs);
        }
        Console.WriteLine("## Container start + stop (busybox) with and without a NIC on a NAT network, REST");
        Console.WriteLine($"no NIC: {Stats.Summary(plain)}");
        Console.WriteLine($"one NIC (veth, DHCP reservation refreshed): {Stats.Summary(nic)}");
        Console.WriteLine($"NIC cost (medians): {Stats.Ms(Stats.Percentile(nic, 50) - Stats.Percentile(plain, 50))}");
        Console.WriteLine();
        foreach (var name in new[] { "plain", "nic" })
            await Ok(c.DeleteCtAsync(name, true, default), c);
        await Ok(c.DeleteNetworkAsync("bench", default), c);
    }

    private static async Task<double> StartStopAsync(CarveClient c, string name)
    {
        var sw = Stopwatch.StartNew();
        await Ok(c.StartCtAsync(name, default), c);
        await Ok(c.StopCtAsync(name, default), c);
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task Ok(Task<Carve.Contracts.Tasks.TaskAccepted> submit, CarveClient c)
    {
        var task = await c.WaitTaskAsync((await submit).TaskId, default);
        if (task.Status != "succeeded")
            throw new InvalidOperationException(task.Error);
    }

    private static Task In(string ns, params string[] argv) => BenchProcess.RunAsync("ip", ["netns", "exec", ns, .. argv]);
}
