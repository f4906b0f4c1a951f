using Carve.Contracts.Guests;
using System.Diagnostics;
using System.Text.Json;
using Carve.Bench;
using Carve.Client;
using Carve.Contracts.Snapshots;
using Carve.Contracts.Vms;
using Carve.Qemu.Qmp;

/// <summary>
/// A RAM snapshot and its rollback of a running 1 GiB VM: carve (REST, the whole task: lock, tree in SQLite,
/// QMP job) against raw QMP snapshot-save / snapshot-load on the very argv Carve used. And a linked clone of a
/// template against raw `qemu-img create -b`.
/// </summary>
internal static class SnapshotBench
{
    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        var c = daemon.Client;
        var request = VmFactory.DirectBoot("snap", cache) with { MemoryMiB = 1024, Disks = [new DiskRequest { Size = "1G" }] };
        await VmFactory.CreateAsync(c, request);
        await RunTaskAsync(c.StartVmAsync("snap", default), c);
        await WaitForLogAsync(c, "CARVE-READY", 1);
        var pid = (await c.GetVmAsync("snap", default)).Runtime!.Pid!.Value;
        var argv = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);

        List<double> save = [], load = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var name = $"s{i}";
            var sw = Stopwatch.StartNew();
            await RunTaskAsync(c.CreateSnapshotAsync("snap", new CreateSnapshotRequest { Name = name, Memory = true }, default), c);
            var saveMs = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            await RunTaskAsync(c.RollbackSnapshotAsync("snap", name, default), c);
            var loadMs = sw.Elapsed.TotalMilliseconds;
            await RunTaskAsync(c.DeleteSnapshotAsync("snap", name, default), c);
            if (i == 0)
                continue; // warm-up: JIT, page cache
            save.Add(saveMs);
            load.Add(loadMs);
        }
        await RunTaskAsync(c.StopVmAsync("snap", default), c);
        var (rawSave, rawLoad) = await RawAsync(argv, daemon.Root, iterations);

        Console.WriteLine("## RAM snapshot and rollback of a running 1 GiB VM (TCG, test guest idle at its shell)");
        Console.WriteLine($"raw QMP snapshot-save (job until concluded): {Stats.Summary(rawSave)}");
        Console.WriteLine($"carve snapshot create --memory (REST, whole task): {Stats.Summary(save)}");
        Console.WriteLine($"raw QMP snapshot-load: {Stats.Summary(rawLoad)}");
        Console.WriteLine($"carve snapshot rollback (REST, whole task): {Stats.Summary(load)}");
        Console.WriteLine();
        await LinkedCloneAsync(c, daemon.Root, iterations);
    }

    /// <summary>The same QEMU argv with its sockets moved, driven by bare QMP commands and JOB_STATUS_CHANGE events.</summary>
    private static async Task<(List<double> Save, List<double> Load)> RawAsync(string[] carveArgv, string root, int iterations)
    {
        var dir = Path.Combine(root, "raw");
        Directory.CreateDirectory(dir);
        var runtimeDir = Path.GetDirectoryName(carveArgv.First(a => a.EndsWith("qemu.pid", StringComparison.Ordinal)))!;
        var log = Path.Combine(dir, "serial.log");
        var argv = carveArgv.Skip(1).Select(a => a.Replace(runtimeDir, dir, StringComparison.Ordinal))
            .Select(a => a.Contains("logfile=", StringComparison.Ordinal) ? a[..a.IndexOf("logfile=", StringComparison.Ordinal)] + $"logfile={log}" : a).ToList();
        using (var qemu = Process.Start(new ProcessStartInfo(carveArgv[0], argv) { RedirectStandardError = true })!)
            await qemu.WaitForExitAsync();
        while (!File.Exists(log) || !File.ReadAllText(log).Contains("CARVE-READY", StringComparison.Ordinal))
            await Task.Delay(200);
        await using var qmp = await QmpClient.ConnectAsync(Path.Combine(dir, "qmp.sock"), default);
        var disk = (await qmp.QueryBlockAsync(default)).Single(b => b.Device == "disk0").NodeName!;
        List<double> save = [], load = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            await JobAsync(qmp, "snapshot-save", new { tag = $"r{i}", vmstate = disk, devices = new[] { disk } });
            var saveMs = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            await JobAsync(qmp, "snapshot-load", new { tag = $"r{i}", vmstate = disk, devices = new[] { disk } });
            var loadMs = sw.Elapsed.TotalMilliseconds;
            await JobAsync(qmp, "snapshot-delete", new { tag = $"r{i}", devices = new[] { disk } });
            if (i == 0)
                continue;
            save.Add(saveMs);
            load.Add(loadMs);
        }
        await qmp.QuitAsync(default);
        return (save, load);
    }

    private static async Task JobAsync(QmpClient qmp, string command, object arguments)
    {
        var args = JsonSerializer.SerializeToNode(arguments)!.AsObject();
        args["job-id"] = "raw";
        await qmp.ExecuteAsync(command, args, default);
        // Every event is queued on Events in order, so the job's "concluded" cannot slip past between reads.
        while (await qmp.Events.ReadAsync() is var e && !(e.Name == QmpEventNames.JobStatusChange && e.GetString("id") == "raw" && e.GetString("status") == "concluded"))
        {
        }
        await qmp.ExecuteAsync("job-dismiss", new System.Text.Json.Nodes.JsonObject { ["id"] = "raw" }, default);
    }

    private static async Task LinkedCloneAsync(CarveClient c, string root, int iterations)
    {
        await RunTaskAsync(c.MakeTemplateAsync(GuestKind.Vm, "snap", default), c);
        var pool = Path.Combine(root, "data", "pools", "local");
        var template = Directory.GetFiles(pool, "vm-*-disk0.qcow2").Single();
        List<double> carve = [], raw = [];
        for (var i = 0; i < iterations + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            await RunTaskAsync(c.CloneGuestAsync("snap", new CloneRequest { Name = $"clone{i}", Linked = true }, default), c);
            var carveMs = sw.Elapsed.TotalMilliseconds;
            var overlay = Path.Combine(pool, "raw-overlay.qcow2");
            File.Delete(overlay);
            sw.Restart();
            using (var img = Process.Start(new ProcessStartInfo("qemu-img", ["create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", template, overlay]))!)
                await img.WaitForExitAsync();
            var rawMs = sw.Elapsed.TotalMilliseconds;
            await RunTaskAsync(c.DeleteVmAsync($"clone{i}", false, default), c);
            if (i == 0)
                continue;
            carve.Add(carveMs);
            raw.Add(rawMs);
        }
        Console.WriteLine("## Linked clone of a template (1 GiB disk)");
        Console.WriteLine($"raw qemu-img create -b: {Stats.Summary(raw)}");
        Console.WriteLine($"carve clone --linked (REST, whole task): {Stats.Summary(carve)}");
        Console.WriteLine();
    }

    private static async Task WaitForLogAsync(CarveClient c, string marker, int count)
    {
        while (true)
        {
            using var log = new MemoryStream();
            await c.CopyConsoleLogAsync("snap", log, default);
            var text = System.Text.Encoding.UTF8.GetString(log.ToArray());
            if (text.Split(marker).Length > count)
                return;
            await Task.Delay(200);
        }
    }

    private static async Task RunTaskAsync(Task<Carve.Contracts.Tasks.TaskAccepted> submit, CarveClient c)
    {
        var task = await c.WaitTaskAsync((await submit).TaskId, default);
        if (task.Status != "succeeded")
            throw new InvalidOperationException($"{task.Type} failed: {task.Error}");
    }
}
