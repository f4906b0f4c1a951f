using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>`carve vm set` on a running VM, and the guard rails of delete.</summary>
public sealed class VmChangeTests
{
    [Fact]
    public async Task SetOnRunningVmSaysWhatWaitsForNextStartAndGrowsDiskLive()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("changer", "--disk", "size=1G")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "changer")).EnsureSuccess();
        await d.WaitForConsoleAsync("changer", TimeSpan.FromSeconds(90), "CARVE-READY");

        var set = (await d.CarveAsync("vm", "set", "changer", "--memory", "384")).EnsureSuccess();
        Assert.Contains("next start", set.Stdout + set.Stderr, StringComparison.Ordinal);
        var pending = (await d.ShowAsync("changer")).GetProperty("pendingChanges");
        Assert.Contains(pending.EnumerateArray(), p => p.GetString()!.Contains("memoryMiB", StringComparison.Ordinal));

        (await d.CarveAsync("vm", "set", "changer", "--resize", "disk0=+1G")).EnsureSuccess();
        var disk = (await d.ShowAsync("changer")).GetProperty("disks")[0];
        Assert.Equal(2L << 30, disk.GetProperty("virtualSizeBytes").GetInt64());
        // The guest sees the new size at once: /sys/block/vda/size counts 512-byte sectors.
        await using (var console = InteractiveConsole.Open(d, "changer"))
        {
            await Task.Delay(500);
            await console.TypeAsync("echo size=$(cat /sys/block/vda/size)\n");
            await console.WaitForAsync($"size={(2L << 30) / 512}", TimeSpan.FromSeconds(30));
        }

        var refused = await d.CarveAsync("vm", "delete", "changer");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("running", (await d.ShowAsync("changer")).GetProperty("status").GetString());

        // A reboot applies the pending memory change.
        (await d.CarveAsync("vm", "reboot", "changer")).EnsureSuccess();
        var vm = await d.ShowAsync("changer");
        Assert.Equal(0, vm.GetProperty("pendingChanges").GetArrayLength());
        (await d.CarveAsync("vm", "delete", "changer", "--force")).EnsureSuccess();
        Assert.Empty(Directory.GetFiles(Path.Combine(d.DataDir, "pools", "local")));
    }
}
