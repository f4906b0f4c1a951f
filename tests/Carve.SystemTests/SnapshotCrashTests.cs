using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>kill -9 of carved while a snapshot is being taken: after a restart the VM is usable and unlocked.</summary>
public sealed class SnapshotCrashTests
{
    [Fact]
    public async Task KillDashNineDuringAMemorySnapshotLeavesAUsableVmAndNoHalfSnapshot()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "victim", "--memory", "512", "--kernel", TestGuest.Kernel, "--initrd", TestGuest.Initrd,
            "--cmdline", "console=ttyS0", "--disk", $"import={TestGuest.DataDisk}")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "victim")).EnsureSuccess();
        await d.WaitForConsoleAsync("victim", TimeSpan.FromSeconds(150), "CARVE-READY");
        var pid = await d.QemuPidAsync("victim");

        var accepted = (await d.CarveAsync("snapshot", "create", "victim", "doomed", "--memory", "--async")).EnsureSuccess();
        Assert.False(string.IsNullOrWhiteSpace(accepted.Stdout));
        var during = await d.ShowAsync("victim");
        await d.KillHardAsync();
        await d.LaunchAsync();

        // The same QEMU runs on, unlocked, and nothing half made is listed as good.
        Assert.Equal(pid, await d.QemuPidAsync("victim"));
        var list = Json.Parse(await d.CarveAsync("snapshot", "list", "victim", "-o", "json"));
        Assert.All(list.EnumerateArray(), s => Assert.Equal("ready", s.GetProperty("state").GetString()));
        (await d.CarveAsync("snapshot", "create", "victim", "after", "--memory")).EnsureSuccess();
        (await d.CarveAsync("snapshot", "rollback", "victim", "after")).EnsureSuccess();
        await using (var console = InteractiveConsole.Open(d, "victim"))
        {
            await Task.Delay(500);
            await console.TypeAsync("echo alive-$((6*7))\n");
            await console.WaitForAsync("alive-42", TimeSpan.FromSeconds(60));
        }

        // A crash while a snapshot is being deleted: the snapshot goes (or stays whole), never the guest.
        (await d.CarveAsync("snapshot", "delete", "victim", "after", "--async")).EnsureSuccess();
        await d.KillHardAsync();
        await d.LaunchAsync();
        Assert.Equal(pid, await d.QemuPidAsync("victim"));
        list = Json.Parse(await d.CarveAsync("snapshot", "list", "victim", "-o", "json"));
        Assert.All(list.EnumerateArray(), s => Assert.Equal("ready", s.GetProperty("state").GetString()));
        (await d.CarveAsync("vm", "stop", "victim")).EnsureSuccess();
        Assert.True(during.TryGetProperty("status", out _));
    }
}
