using System.Diagnostics;
using System.Globalization;
using Carve.Bench;
using Carve.Client;
using Carve.Contracts.Transfer;
using Carve.Transfer;

/// <summary>
/// Import throughput: carve vm import (REST, the whole task: checks, qemu-img, manifest digest) against raw
/// `qemu-img convert -O qcow2` of the same disk, for a streamOptimized VMDK inside an OVA (read in place) and
/// for a plain qcow2. The target is 0.9× raw or better.
/// </summary>
internal static class ImportBench
{
    private const long DiskBytes = 1L << 30;

    public static async Task RunAsync(string outDir, string cache, int iterations)
    {
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache);
        var images = Path.Combine(daemon.Root, "data", "images");
        Directory.CreateDirectory(images);
        var raw = MakeDisk(Path.Combine(images, "bench.raw"));
        var vmdk = Path.Combine(images, "bench-disk0.vmdk");
        await QemuImgAsync("convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized,adapter_type=lsilogic", raw, vmdk);
        var qcow2 = Path.Combine(images, "bench.qcow2");
        await QemuImgAsync("convert", "-f", "raw", "-O", "qcow2", raw, qcow2);
        var ova = Path.Combine(images, "bench.ova");
        var ovf = OvfWriter.Write(new OvfExport { Name = "bench", Disks = [new OvfExportDisk("bench-disk0.vmdk", new FileInfo(vmdk).Length, DiskBytes, "virtio")] });
        await OvaWriter.WriteAsync(ova, "bench.ovf", ovf, [("bench-disk0.vmdk", vmdk)], null, CancellationToken.None);

        Console.WriteLine($"## Import throughput ({DiskBytes >> 20} MiB disk, half of it written)");
        await CompareAsync(daemon.Client, "OVA, streamOptimized VMDK read in place, SHA256 checked", ova, vmdk, "vmdk", images, iterations);
        await CompareAsync(daemon.Client, "qcow2 image", qcow2, qcow2, "qcow2", images, iterations);
        Console.WriteLine();
    }

    private static async Task CompareAsync(CarveClient client, string label, string package, string disk, string format, string images, int iterations)
    {
        List<double> raw = [], carve = [];
        var target = Path.Combine(images, "raw-out.qcow2");
        for (var i = 0; i < iterations + 1; i++)
        {
            File.Delete(target);
            var sw = Stopwatch.StartNew();
            await QemuImgAsync("convert", "-f", format, "-O", "qcow2", disk, target);
            var rawMs = sw.Elapsed.TotalMilliseconds;
            File.Delete(target);

            sw.Restart();
            var task = await client.WaitTaskAsync((await client.ImportVmAsync(new ImportVmRequest { Path = package, Name = "imported" }, default)).TaskId, default);
            var carveMs = sw.Elapsed.TotalMilliseconds;
            if (task.Status != "succeeded")
                throw new InvalidOperationException($"import failed: {task.Error}");
            await client.WaitTaskAsync((await client.DeleteVmAsync("imported", false, default)).TaskId, default);
            if (i == 0)
                continue; // warm-up: page cache, JIT
            raw.Add(rawMs);
            carve.Add(carveMs);
        }
        var (rawMedian, carveMedian) = (Stats.Percentile(raw, 50), Stats.Percentile(carve, 50));
        Console.WriteLine($"{label}:");
        Console.WriteLine($"  raw qemu-img convert: {Stats.Summary(raw)}, {MiBps(rawMedian)}");
        Console.WriteLine($"  carve vm import (REST, whole task): {Stats.Summary(carve)}, {MiBps(carveMedian)}");
        Console.WriteLine($"  carve / raw throughput (medians): {(rawMedian / carveMedian).ToString("0.00", CultureInfo.InvariantCulture)}x (target 0.9x)");
    }

    private static string MiBps(double ms) => ((DiskBytes >> 20) / (ms / 1000)).ToString("0", CultureInfo.InvariantCulture) + " MiB/s of disk";

    /// <summary>A disk as real ones are: a quarter incompressible, a quarter text-like, half never written.</summary>
    private static string MakeDisk(string path)
    {
        var random = new Random(42);
        var text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20000).Select(i => $"line {i}: the quick brown fox {i * 7919 % 1000}\n")));
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(DiskBytes);
        var block = new byte[1 << 20];
        for (long offset = 0; offset < DiskBytes; offset += 4L << 20)
        {
            file.Position = offset;
            random.NextBytes(block);
            file.Write(block);
            for (var n = 0; n < block.Length; n += text.Length)
                text.AsSpan(0, Math.Min(text.Length, block.Length - n)).CopyTo(block.AsSpan(n));
            file.Write(block);
        }
        return path;
    }

    private static async Task QemuImgAsync(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("qemu-img", args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"qemu-img {args[0]} failed: {await stderr}");
    }
}
