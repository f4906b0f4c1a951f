using System.Text.RegularExpressions;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Snapshots of real VMs: disk-only of a stopped VM, and live with RAM of a running one.</summary>
public sealed partial class VmSnapshotTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(150);

    [GeneratedRegex(@"CARVE-TICK (\d+)")]
    private static partial Regex TickPattern();

    [Fact]
    public async Task DiskOnlyRollbackOfAStoppedVmRestoresTheBootCounter()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("counter", "--disk", $"import={TestGuest.DataDisk}")).EnsureSuccess();
        Assert.Equal(1, await BootCounter.BootAsync(d, "counter"));
        (await d.CarveAsync("snapshot", "create", "counter", "after-one", "--description", "one boot")).EnsureSuccess();
        Assert.Equal(2, await BootCounter.BootAsync(d, "counter"));
        Assert.Equal(3, await BootCounter.BootAsync(d, "counter"));

        (await d.CarveAsync("snapshot", "rollback", "counter", "after-one")).EnsureSuccess();
        Assert.Equal(2, await BootCounter.BootAsync(d, "counter"));

        // A second snapshot hangs under the first; deleting the first keeps the second valid.
        (await d.CarveAsync("snapshot", "create", "counter", "after-two")).EnsureSuccess();
        var list = Json.Parse(await d.CarveAsync("snapshot", "list", "counter", "-o", "json"));
        Assert.Equal(2, list.GetArrayLength());
        var second = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "after-two");
        Assert.Equal("after-one", second.GetProperty("parent").GetString());
        Assert.True(second.GetProperty("current").GetBoolean());
        Assert.False(second.GetProperty("memory").GetBoolean());
        Assert.Equal("ready", second.GetProperty("state").GetString());
        Assert.Equal("one boot", list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "after-one").GetProperty("description").GetString());

        (await d.CarveAsync("snapshot", "delete", "counter", "after-one")).EnsureSuccess();
        Assert.Equal(3, await BootCounter.BootAsync(d, "counter"));
        (await d.CarveAsync("snapshot", "rollback", "counter", "after-two")).EnsureSuccess();
        Assert.Equal(3, await BootCounter.BootAsync(d, "counter"));
        list = Json.Parse(await d.CarveAsync("snapshot", "list", "counter", "-o", "json"));
        Assert.False(list[0].TryGetProperty("parent", out _), "the parent was deleted, so after-two is a root");

        var missing = await d.CarveAsync("snapshot", "rollback", "counter", "after-one");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no snapshot named 'after-one'", missing.Stderr, StringComparison.Ordinal);
        var duplicate = await d.CarveAsync("snapshot", "create", "counter", "after-two");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already has a snapshot", duplicate.Stderr, StringComparison.Ordinal);
        var bad = await d.CarveAsync("snapshot", "create", "counter", "bad,name");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Invalid snapshot name", bad.Stderr, StringComparison.Ordinal);
        var noRam = await d.CarveAsync("snapshot", "create", "counter", "ram", "--memory");
        Assert.Equal(1, noRam.ExitCode);
        Assert.Contains("not running", noRam.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoryRollbackResumesTheTicksWhereTheSnapshotWasWithoutABoot()
    {
        await using var d = await DaemonProcess.StartAsync();
        var (beforeSnapshot, afterSnapshot) = await TickerWithRamSnapshotAsync(d);
        await d.WaitForConsoleAsync("ticker", Boot, $"CARVE-TICK {afterSnapshot + 5}");

        var log = await ConsoleLogAsync(d);
        (await d.CarveAsync("snapshot", "rollback", "ticker", "live")).EnsureSuccess();
        await AssertResumedAsync(d, log.Length, beforeSnapshot, afterSnapshot);
        var snapshot = Json.Parse(await d.CarveAsync("snapshot", "list", "ticker", "-o", "json"))[0];
        Assert.True(snapshot.GetProperty("memory").GetBoolean());

        // A running VM with a RAM snapshot: delete goes through QEMU, and the VM keeps running.
        (await d.CarveAsync("snapshot", "delete", "ticker", "live")).EnsureSuccess();
        Assert.Equal(0, Json.Parse(await d.CarveAsync("snapshot", "list", "ticker", "-o", "json")).GetArrayLength());
        Assert.Equal("running", (await d.ShowAsync("ticker")).GetProperty("status").GetString());
        (await d.CarveAsync("vm", "stop", "ticker")).EnsureSuccess();
    }

    [Fact]
    public async Task UefiVarsOfAnOldRawStoreAreConvertedAndInEverySnapshot()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "efi", "--memory", "512", "--firmware", "uefi", "--disk", $"import={TestGuest.UefiDisk}")).EnsureSuccess();
        var vars = Directory.GetFiles(Path.Combine(d.DataDir, "pools", "local"), "*efivars*").Single();
        // A VM made before snapshots: its variable store is a raw file.
        (await Processes.RunAsync("qemu-img", ["convert", "-f", "qcow2", "-O", "raw", vars, vars + ".raw"])).EnsureSuccess();
        File.Move(vars + ".raw", vars, overwrite: true);

        (await d.CarveAsync("snapshot", "create", "efi", "cold")).EnsureSuccess();
        Assert.Contains("cold", await SnapshotsInAsync(vars), StringComparison.Ordinal);
        (await d.CarveAsync("vm", "start", "efi")).EnsureSuccess();
        await d.WaitForConsoleAsync("efi", Boot, "CARVE-FIRMWARE=uefi", "CARVE-READY");
        (await d.CarveAsync("snapshot", "create", "efi", "warm", "--memory")).EnsureSuccess();
        Assert.Contains("warm", await SnapshotsInAsync(vars), StringComparison.Ordinal);

        (await d.CarveAsync("snapshot", "rollback", "efi", "warm")).EnsureSuccess();
        await using (var console = InteractiveConsole.Open(d, "efi"))
        {
            await Task.Delay(500);
            await console.TypeAsync("echo efi-$((6*7))\n");
            await console.WaitForAsync("efi-42", TimeSpan.FromSeconds(60));
        }
        (await d.CarveAsync("vm", "stop", "efi")).EnsureSuccess();
    }

    private static async Task<string> SnapshotsInAsync(string image) =>
        (await Processes.RunAsync("qemu-img", ["snapshot", "-U", "-l", image])).EnsureSuccess().Stdout;

    [Fact]
    public async Task MemoryRollbackBringsBackTheCpusAndMemoryTheSnapshotWasTakenWith()
    {
        await using var d = await DaemonProcess.StartAsync();
        var (beforeSnapshot, afterSnapshot) = await TickerWithRamSnapshotAsync(d);

        // Resized and rebooted since: QEMU now runs a machine the saved RAM does not fit.
        (await d.CarveAsync("vm", "stop", "ticker")).EnsureSuccess();
        (await d.CarveAsync("vm", "set", "ticker", "--cpus", "2", "--memory", "320")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "ticker")).EnsureSuccess();
        await d.WaitForConsoleAsync("ticker", Boot, "CARVE-BOOT-OK");

        var log = await ConsoleLogAsync(d);
        var rollback = (await d.CarveAsync("snapshot", "rollback", "ticker", "live")).EnsureSuccess();
        Assert.Contains("1 CPU, 256 MiB", rollback.Stdout, StringComparison.Ordinal);
        await AssertResumedAsync(d, log.Length, beforeSnapshot, afterSnapshot);
        var vm = await d.ShowAsync("ticker");
        var config = vm.GetProperty("config");
        Assert.Equal((1, 256), (config.GetProperty("cpus").GetInt32(), config.GetProperty("memoryMiB").GetInt32()));
        Assert.Empty(vm.GetProperty("pendingChanges").EnumerateArray());
        (await d.CarveAsync("vm", "stop", "ticker")).EnsureSuccess();
    }

    /// <summary>VM "ticker" (1 CPU, 256 MiB) running and ticking, with RAM snapshot "live"; the last ticks before and after it.</summary>
    private static async Task<(int Before, int After)> TickerWithRamSnapshotAsync(DaemonProcess d)
    {
        (await d.CarveAsync("vm", "create", "ticker", "--cpus", "1", "--memory", "256", "--kernel", TestGuest.Kernel, "--initrd", TestGuest.Initrd,
            "--cmdline", "console=ttyS0 carve.tick=1", "--disk", "size=64M")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "ticker")).EnsureSuccess();
        await d.WaitForConsoleAsync("ticker", Boot, "CARVE-TICK 3");
        var before = LastTick(await ConsoleLogAsync(d));
        (await d.CarveAsync("snapshot", "create", "ticker", "live", "--memory")).EnsureSuccess();
        return (before, LastTick(await ConsoleLogAsync(d)));
    }

    /// <summary>The VM runs after a RAM rollback, and on from the saved moment: no boot, the first tick follows the snapshot's.</summary>
    private static async Task AssertResumedAsync(DaemonProcess d, int logLength, int beforeSnapshot, int afterSnapshot)
    {
        Assert.Equal("running", (await d.ShowAsync("ticker")).GetProperty("status").GetString());
        var deadline = DateTime.UtcNow + Boot;
        var fresh = "";
        while (DateTime.UtcNow < deadline && TickPattern().Count(fresh) < 3)
        {
            await Task.Delay(500);
            fresh = (await ConsoleLogAsync(d))[logLength..];
        }
        var ticks = TickPattern().Matches(fresh).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Count >= 3, $"no ticks after the rollback:\n{fresh}");
        Assert.InRange(ticks[0], beforeSnapshot + 1, afterSnapshot + 1);
        Assert.DoesNotContain("CARVE-BOOT-OK", fresh, StringComparison.Ordinal);
    }

    private static async Task<string> ConsoleLogAsync(DaemonProcess d) => (await d.CarveAsync("vm", "console", "ticker", "--log")).Stdout;

    private static int LastTick(string log) =>
        TickPattern().Matches(log).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).LastOrDefault();
}
