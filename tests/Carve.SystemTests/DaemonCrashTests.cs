using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Guests outlive the daemon: kill -9 carved with a VM running, start it again, and the same VM is found.</summary>
public sealed class DaemonCrashTests
{
    [Fact]
    public async Task VmSurvivesKillDashNineAndIsManagedAfterRestart()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("survivor")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "survivor")).EnsureSuccess();
        await d.WaitForConsoleAsync("survivor", TimeSpan.FromSeconds(90), "CARVE-READY");
        var pid = await d.QemuPidAsync("survivor");
        var qmpSocket = Path.Combine(d.RunDir, "qemu", "100", "qmp.sock");

        await d.KillHardAsync();
        Assert.True(Processes.IsRunning(pid), "QEMU died with the daemon");
        await d.LaunchAsync();

        // The same process, and only one of it.
        Assert.Equal(pid, await d.QemuPidAsync("survivor"));
        Assert.Single(Processes.FindByArgument(qmpSocket));
        var again = await d.CarveAsync("vm", "start", "survivor");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already running", again.Stderr, StringComparison.Ordinal);
        Assert.Single(Processes.FindByArgument(qmpSocket));

        // The console still works, both ways.
        await using (var console = InteractiveConsole.Open(d, "survivor"))
        {
            await Task.Delay(500);
            await console.TypeAsync("echo hello-$((6*7))\n");
            await console.WaitForAsync("hello-42", TimeSpan.FromSeconds(30));
        }

        (await d.CarveAsync("vm", "stop", "survivor")).EnsureSuccess();
        Assert.False(Processes.IsRunning(pid), "QEMU still runs after stop");
        Assert.Equal("stopped", (await d.ShowAsync("survivor")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TwoDaemonsRunSideBySideWithSeparateDirs()
    {
        await using var first = await DaemonProcess.StartAsync();
        await using var second = await DaemonProcess.StartAsync();
        foreach (var d in new[] { first, second })
        {
            (await d.CreateDirectBootVmAsync("twin")).EnsureSuccess();
            (await d.CarveAsync("vm", "start", "twin")).EnsureSuccess();
        }
        foreach (var d in new[] { first, second })
            await d.WaitForConsoleAsync("twin", TimeSpan.FromSeconds(120), "CARVE-READY");

        Assert.NotEqual(await first.QemuPidAsync("twin"), await second.QemuPidAsync("twin"));
        foreach (var d in new[] { first, second })
        {
            var list = Json.Parse(await d.CarveAsync("list", "-o", "json"));
            Assert.Equal(1, list.GetArrayLength());
            (await d.CarveAsync("vm", "stop", "twin")).EnsureSuccess();
        }
    }
}
