using System.Globalization;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// The host reservation with real guests: a daemon whose config leaves guests only 400 MiB of this host's memory
/// and keeps CPU 0 for itself. Admission is checked with concurrent real starts, pinning by reading back the
/// affinity of QEMU's vCPU threads and of a container's cpuset.
/// </summary>
public sealed class ReservationTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(90);

    private static Dictionary<string, object> Reservation()
    {
        var total = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = long.Parse(total["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var reserved = (kib * 1024) - (400L << 20);
        return new Dictionary<string, object> { ["reserved"] = new { memory = reserved.ToString(CultureInfo.InvariantCulture), cpus = new[] { 0 } } };
    }

    /// <summary>Every CPU of the host but 0, in the kernel's list form, as Cpus_allowed_list shows it.</summary>
    private static string GuestCpus() => Environment.ProcessorCount == 2 ? "1" : $"1-{Environment.ProcessorCount - 1}";

    [Fact]
    public async Task ConcurrentStartsAdmitOnlyWhatFitsAndVcpusAvoidTheReservedCore()
    {
        await using var d = await DaemonProcess.StartAsync(extraConfig: Reservation());
        (await d.CreateDirectBootVmAsync("left")).EnsureSuccess();
        (await d.CreateDirectBootVmAsync("right")).EnsureSuccess();

        // Two 256 MiB guests against 400 MiB: started at the same moment, exactly one may run.
        var starts = await Task.WhenAll(d.CarveAsync("vm", "start", "left"), d.CarveAsync("vm", "start", "right"));
        Assert.Equal(1, starts.Count(s => s.ExitCode == 0));
        var refused = Assert.Single(starts, s => s.ExitCode != 0);
        Assert.Contains("Not enough memory to start vm", refused.Stderr + refused.Stdout, StringComparison.Ordinal);
        var running = starts[0].ExitCode == 0 ? "left" : "right";
        var waiting = running == "left" ? "right" : "left";
        await d.WaitForConsoleAsync(running, Boot, "CARVE-READY");
        Assert.Equal("stopped", (await d.ShowAsync(waiting)).GetProperty("status").GetString());

        // Every QEMU thread, the vCPU threads ("CPU 0/TCG") above all, may run only off CPU 0.
        var pid = await d.QemuPidAsync(running);
        var threads = Directory.GetDirectories($"/proc/{pid}/task")
            .Select(t => (Name: File.ReadAllText(Path.Combine(t, "comm")).Trim(), Allowed: AllowedList(Path.Combine(t, "status")))).ToList();
        Assert.Contains(threads, t => t.Name.StartsWith("CPU 0/", StringComparison.Ordinal));
        Assert.All(threads, t => Assert.Equal(GuestCpus(), t.Allowed));

        var resources = Json.Parse(await d.CarveAsync("host", "info", "-o", "json")).GetProperty("resources");
        Assert.Equal([0], resources.GetProperty("reservedCpus").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(256L << 20, resources.GetProperty("committedMemoryBytes").GetInt64());
        Assert.Equal(400L << 20, resources.GetProperty("guestMemoryLimitBytes").GetInt64());
        Assert.Equal(144L << 20, resources.GetProperty("freeMemoryBytes").GetInt64());

        // Once the first is stopped, the other fits and starts.
        (await d.CarveAsync("vm", "stop", running)).EnsureSuccess();
        (await d.CarveAsync("vm", "start", waiting)).EnsureSuccess();
        await d.WaitForConsoleAsync(waiting, Boot, "CARVE-READY");
        (await d.CarveAsync("vm", "stop", waiting)).EnsureSuccess();
    }

    [Fact]
    public async Task ContainerCpusetLeavesOutTheReservedCore()
    {
        await using var d = await DaemonProcess.StartAsync(extraConfig: Reservation());
        (await d.CarveAsync("ct", "create", "pinned", "--template", "busybox", "--memory", "64", "--start")).EnsureSuccess();
        var init = (await d.ShowCtAsync("pinned")).GetProperty("runtime").GetProperty("initPid").GetInt32();
        Assert.Equal(GuestCpus(), AllowedList($"/proc/{init}/status"));
        var inside = await d.CarveAsync("ct", "exec", "pinned", "--", "sh", "-c", "grep Cpus_allowed_list /proc/self/status");
        Assert.Equal($"Cpus_allowed_list:\t{GuestCpus()}\n", inside.EnsureSuccess().Stdout);
        // The cgroup itself, not only the process: v1 cpuset.cpus of the container's cpuset cgroup.
        var cpuset = File.ReadLines($"/proc/{init}/cgroup").Select(l => l.Split(':', 3)).FirstOrDefault(f => f[1] == "cpuset");
        if (cpuset is not null)
            Assert.Equal(GuestCpus(), File.ReadAllText($"/sys/fs/cgroup/cpuset{cpuset[2]}/cpuset.cpus").Trim());

        // Growing it live past what guests may use is refused like a start; within it, it applies.
        var grow = await d.CarveAsync("ct", "set", "pinned", "--memory", "512");
        Assert.NotEqual(0, grow.ExitCode);
        Assert.Contains("Not enough memory to grow ct pinned", grow.Stderr + grow.Stdout, StringComparison.Ordinal);
        (await d.CarveAsync("ct", "set", "pinned", "--memory", "256")).EnsureSuccess();
        Assert.Equal(256L << 20, (await d.ShowCtAsync("pinned")).GetProperty("runtime").GetProperty("memoryLimitBytes").GetInt64());
        (await d.CarveAsync("ct", "delete", "pinned", "--force")).EnsureSuccess();
    }

    [Fact]
    public async Task HostCheckPciAndUsbReadThisMachine()
    {
        await using var d = await DaemonProcess.StartAsync(extraConfig: Reservation());
        var check = Json.Parse(await d.CarveAsync("host", "check", "-o", "json"));
        var findings = check.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("check").GetString()).ToList();
        Assert.Equal(["cpu-virtualization", "kvm", "iommu", "interrupt-remapping", "vfio", "hugepages", "nested-virtualization", "resources"], findings);
        var pci = Json.Parse(await d.CarveAsync("host", "pci", "-o", "json")).EnumerateArray().ToList();
        Assert.Equal(Directory.GetFileSystemEntries("/sys/bus/pci/devices").Length, pci.Count);
        Assert.All(pci, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("reason").GetString())));
        (await d.CarveAsync("host", "usb")).EnsureSuccess();
        var text = (await d.CarveAsync("host", "check")).EnsureSuccess().Stdout;
        Assert.Contains("Overall: ", text, StringComparison.Ordinal);
    }

    private static string AllowedList(string statusFile) =>
        File.ReadLines(statusFile).First(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))["Cpus_allowed_list:".Length..].Trim();
}
