using System.Diagnostics;
using Carve.Contracts.Guests;
using Carve.Lxc.Driver;
using Carve.Lxc.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

[Collection(LxcCollection.Name)]
public sealed class DaemonIndependenceTests(ITestOutputHelper output)
{
    [LxcFact]
    public async Task A_container_outlives_the_process_that_started_it_and_a_new_driver_finds_it()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.CreateAsync("survivor");
        var paths = lxc.Driver.Paths(guest);
        Directory.CreateDirectory(paths.RuntimeDir);

        // Stand-in for carved: a process that runs lxc-start -d exactly as the driver does, then lingers until killed.
        // (A shell only here in the test; "$@" passes the argv through untouched.)
        var psi = new ProcessStartInfo("/bin/busybox") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "sh", "-c", "lxc-start \"$@\" && echo started && exec sleep 600", "sh" }.Concat(LxcCommands.Start(paths)))
            psi.ArgumentList.Add(arg);
        using var starter = Process.Start(psi)!;
        Assert.Equal("started", await starter.StandardOutput.ReadLineAsync());
        var before = lxc.Driver.Inspect(guest);
        Assert.Equal(GuestStatus.Running, before.Status);

        starter.Kill(entireProcessTree: true);
        await starter.WaitForExitAsync();
        await Task.Delay(300);

        // A fresh driver, as after a daemon restart: same container, same init, nothing started twice.
        var restarted = lxc.NewDriver();
        await restarted.RecoverAsync([guest], CancellationToken.None);
        var after = restarted.Inspect(guest);
        Assert.Equal(GuestStatus.Running, after.Status);
        Assert.Equal(before.Pid, after.Pid);
        Assert.Single(new LxcMonitorLocator(new Carve.Host.Proc.ProcFs()).ScanMonitors(paths.LxcPath));

        // A lost pid file (wiped run dir) is rebuilt from the monitor's title.
        File.Delete(paths.MonitorPidFile);
        Assert.Equal(GuestStatus.Stopped, restarted.Inspect(guest).Status);
        await restarted.RecoverAsync([guest], CancellationToken.None);
        Assert.Equal(before.Pid, restarted.Inspect(guest).Pid);
        Assert.Equal("alive\n", (await lxc.ExecAsync(guest, ["echo", "alive"])).Stdout);
    }

    [LxcFact]
    public async Task Recovery_clears_the_runtime_files_of_a_container_that_stopped_meanwhile()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.StartedAsync("gone");
        var paths = lxc.Driver.Paths(guest);
        // Powered off from inside while no daemon watched.
        await lxc.ExecAsync(guest, ["poweroff"]);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (lxc.Driver.Inspect(guest).Status != GuestStatus.Stopped && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(GuestStatus.Stopped, lxc.Driver.Inspect(guest).Status);
        await lxc.NewDriver().RecoverAsync([guest], CancellationToken.None);
        Assert.False(File.Exists(paths.MonitorPidFile));
        Assert.False(File.Exists(paths.AppliedConfig));
    }

    [LxcFact]
    public async Task Recovery_passes_over_a_container_that_never_ran()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.CreateAsync("never-ran");
        var paths = lxc.Driver.Paths(guest);
        Assert.False(Directory.Exists(paths.RuntimeDir));
        // A daemon restart with a defined, never started container must not fail on its missing runtime dir.
        await lxc.NewDriver().RecoverAsync([guest], CancellationToken.None);
        Assert.Equal(GuestStatus.Stopped, lxc.Driver.Inspect(guest).Status);
    }
}
