using System.Diagnostics;
using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Carve.Host.Processes;
using Carve.Lxc.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

[Collection(LxcCollection.Name)]
public sealed class BusyboxContainerTests(ITestOutputHelper output)
{
    [LxcFact]
    public async Task A_container_is_created_started_exec_ed_shut_down_and_deleted_without_a_trace()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.CreateAsync("box");
        var paths = lxc.Driver.Paths(guest);
        var rootfs = Path.Combine(lxc.Pools.Default.Path, $"ct-{guest.Id}-rootfs");
        Assert.True(File.Exists(paths.ConfigFile));
        Assert.Equal(GuestStatus.Stopped, lxc.Driver.Inspect(guest).Status);

        await lxc.Driver.StartAsync(guest, lxc.Task(), CancellationToken.None);
        var runtime = lxc.Driver.Inspect(guest);
        Assert.Equal(GuestStatus.Running, runtime.Status);
        Assert.Contains($"lxc.payload.ct-{guest.Id}", await File.ReadAllTextAsync($"/proc/{runtime.Pid}/cgroup"), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - runtime.StartedAt < TimeSpan.FromMinutes(1));
        Assert.Equal(guest.Config.ToJson(), runtime.AppliedConfigJson);

        var exec = await lxc.ExecAsync(guest, ["sh", "-c", "read x; echo got-$x; echo err >&2; exit 7"], stdin: "hi\n");
        Assert.Equal(7, exec.ExitCode);
        Assert.Equal("got-hi\n", exec.Stdout);
        Assert.Equal("err\n", exec.Stderr);
        Assert.Equal("box\n", (await lxc.ExecAsync(guest, ["hostname"])).Stdout);

        var deep = await lxc.Driver.InspectDeepAsync(guest, CancellationToken.None);
        Assert.Equal("running", deep.MonitorStatus);
        var resources = lxc.Driver.Inspect(guest);
        Assert.Equal(128L << 20, resources.MemoryLimitBytes);
        Assert.True(resources.MemoryRssBytes > 0);
        Assert.Equal(0, resources.OomKills);

        var watch = Stopwatch.StartNew();
        var task = lxc.Task();
        await lxc.Driver.ShutdownAsync(guest, TimeSpan.FromSeconds(20), task, CancellationToken.None);
        output.WriteLine($"clean shutdown took {watch.ElapsedMilliseconds} ms");
        Assert.Contains(task.Lines, l => l.EndsWith("powered off.", StringComparison.Ordinal));
        Assert.Equal(GuestStatus.Stopped, lxc.Driver.Inspect(guest).Status);

        await lxc.Driver.StartAsync(guest, lxc.Task(), CancellationToken.None);
        var monitor = int.Parse(File.ReadAllText(paths.MonitorPidFile), System.Globalization.CultureInfo.InvariantCulture);
        await lxc.Driver.StopAsync(guest, lxc.Task(), CancellationToken.None);
        Assert.Equal(GuestStatus.Stopped, lxc.Driver.Inspect(guest).Status);
        // Gone or a zombie that PID 1 has yet to reap.
        Assert.False(new Carve.Lxc.Driver.LxcMonitorLocator(new Carve.Host.Proc.ProcFs()).IsAlive(monitor));

        await lxc.Driver.DeleteAsync(guest, lxc.Task(), CancellationToken.None);
        Assert.False(Directory.Exists(rootfs));
        Assert.False(Directory.Exists(paths.ContainerDir));
        Assert.False(Directory.Exists(paths.LogDir));
        Assert.False(Directory.Exists(paths.RuntimeDir));
        var cgroupRoots = lxc.Host.Cgroups.V1Mounts.Values.Append(lxc.Host.Cgroups.UnifiedMount).OfType<string>().Distinct();
        foreach (var root in cgroupRoots)
            Assert.Empty(Directory.EnumerateDirectories(root, $"lxc.*.ct-{guest.Id}*"));
        Assert.Empty(new Carve.Lxc.Driver.LxcMonitorLocator(new Carve.Host.Proc.ProcFs()).ScanMonitors(paths.LxcPath));
    }

    [LxcFact]
    public async Task An_init_that_ignores_sigpwr_is_stopped_hard_after_the_timeout()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.CreateAsync("stubborn");
        // A shell as PID 1 has no SIGPWR handler, and the kernel drops unhandled signals to a namespace's init.
        var init = Path.Combine(lxc.Pools.Default.Path, $"ct-{guest.Id}-rootfs", "sbin/init");
        File.Delete(init);
        await File.WriteAllTextAsync(init, "#!/bin/sh\nwhile true; do sleep 1; done\n");
        File.SetUnixFileMode(init, (UnixFileMode)0x1ED);
        await lxc.Driver.StartAsync(guest, lxc.Task(), CancellationToken.None);

        var task = lxc.Task();
        var watch = Stopwatch.StartNew();
        await lxc.Driver.ShutdownAsync(guest, TimeSpan.FromSeconds(2), task, CancellationToken.None);
        Assert.Contains(task.Lines, l => l.StartsWith("The container did not power off within 2 s", StringComparison.Ordinal));
        Assert.Equal(GuestStatus.Stopped, lxc.Driver.Inspect(guest).Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15));
    }

    [LxcFact]
    public async Task Exec_runs_as_root_with_only_the_given_environment()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.StartedAsync("envbox");
        var env = await lxc.ExecAsync(guest, ["env"], environment: new Dictionary<string, string> { ["GREETING"] = "hello world" });
        var names = env.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["GREETING", "PATH", "container"], names.Where(n => n != "PWD" && n != "SHLVL"));
        Assert.Contains("GREETING=hello world\n", env.Stdout, StringComparison.Ordinal);
        Assert.Equal("0\n", (await lxc.ExecAsync(guest, ["id", "-u"])).Stdout);
        Assert.NotEqual(0, (await lxc.ExecAsync(guest, ["/no/such/program"])).ExitCode);
    }

    [LxcFact]
    public async Task Starting_twice_and_exec_on_a_stopped_container_are_conflicts()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.StartedAsync("twice");
        await Assert.ThrowsAsync<ConflictException>(() => lxc.Driver.StartAsync(guest, lxc.Task(), CancellationToken.None));
        await lxc.Driver.StopAsync(guest, lxc.Task(), CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => lxc.Driver.ExecAsync(guest, ["true"], null, CancellationToken.None));
    }

    [LxcFact]
    public async Task Privileged_and_unprivileged_containers_map_ids_as_configured()
    {
        await using var lxc = new LxcHarness(output);
        var unprivileged = await lxc.StartedAsync("unpriv");
        var privileged = await lxc.StartedAsync("priv", c => c with { Privileged = true });
        Assert.Equal("0 100000 65536", Normalize((await lxc.ExecAsync(unprivileged, ["cat", "/proc/self/uid_map"])).Stdout));
        Assert.Equal("0 0 4294967295", Normalize((await lxc.ExecAsync(privileged, ["cat", "/proc/self/uid_map"])).Stdout));
        Assert.Equal(100000, Carve.Lxc.Native.Libc.LStat(Path.Combine(lxc.Pools.Default.Path, $"ct-{unprivileged.Id}-rootfs", "bin/sh"))!.Uid);
    }

    [LxcFact]
    public async Task A_container_made_from_a_tarball_runs()
    {
        await using var lxc = new LxcHarness(output);
        var busybox = await lxc.Templates.EnsureBusyboxAsync(CancellationToken.None);
        var tarball = Path.Combine(lxc.Root, "rootfs.tar.gz");
        await using (var file = File.Create(tarball))
        await using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            await System.Formats.Tar.TarFile.CreateFromDirectoryAsync(busybox, gzip, includeBaseDirectory: false);
        var guest = await lxc.StartedAsync("fromtar", c => c with { Template = tarball });
        Assert.Contains("Carve busybox", (await lxc.ExecAsync(guest, ["cat", "/etc/os-release"])).Stdout, StringComparison.Ordinal);
        Assert.Equal("/bin/busybox", new FileInfo(Path.Combine(lxc.Pools.Default.Path, $"ct-{guest.Id}-rootfs", "bin/sh")).LinkTarget);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
