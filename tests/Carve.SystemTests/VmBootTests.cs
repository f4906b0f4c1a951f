using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Real VMs boot the test guest three ways, and the markers are read back through `carve vm console --log`.</summary>
public sealed class VmBootTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DirectKernelBootRunsShowsStateAndShutsDownCleanly()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("direct", "--cpus", "2")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "direct")).EnsureSuccess();
        await d.WaitForConsoleAsync("direct", Boot, "CARVE-BOOT-OK", "CARVE-BOOT-MODE=direct", "CARVE-READY");

        var vm = await d.ShowAsync("direct");
        Assert.Equal("running", vm.GetProperty("status").GetString());
        var runtime = vm.GetProperty("runtime");
        Assert.True(runtime.GetProperty("pid").GetInt32() > 1);
        Assert.Equal("running", runtime.GetProperty("qmpStatus").GetString());
        Assert.Contains(runtime.GetProperty("accel").GetString(), new[] { "kvm", "tcg" });
        Assert.True(runtime.GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(runtime.GetProperty("memoryRssBytes").GetInt64() > 0);
        Assert.Equal(2, vm.GetProperty("config").GetProperty("cpus").GetInt32());

        // ACPI shutdown: the guest's power button handler prints its marker and powers off.
        (await d.CarveAsync("vm", "shutdown", "direct", "--timeout", "60")).EnsureSuccess();
        await d.WaitForConsoleAsync("direct", TimeSpan.FromSeconds(10), "CARVE-POWEROFF");
        Assert.Equal("stopped", (await d.ShowAsync("direct")).GetProperty("status").GetString());
        (await d.CarveAsync("vm", "delete", "direct")).EnsureSuccess();
        Assert.NotEqual(0, (await d.CarveAsync("vm", "show", "direct")).ExitCode);
    }

    [Fact]
    public async Task BiosDiskBootsThroughItsBootLoader()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "bios", "--memory", "256", "--disk", $"import={TestGuest.BiosDisk}")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "bios")).EnsureSuccess();
        await d.WaitForConsoleAsync("bios", Boot, "CARVE-FIRMWARE=bios", "CARVE-BOOT-MODE=bios", "CARVE-READY");

        // The import made a qcow2 copy: the cached image is untouched, and the copy is sparse.
        var disk = (await d.ShowAsync("bios")).GetProperty("disks")[0];
        Assert.Equal("qcow2", disk.GetProperty("format").GetString());
        Assert.Equal(new FileInfo(TestGuest.BiosDisk).Length, disk.GetProperty("virtualSizeBytes").GetInt64());
        (await d.CarveAsync("vm", "stop", "bios")).EnsureSuccess();
        (await d.CarveAsync("vm", "delete", "bios")).EnsureSuccess();
    }

    [Fact]
    public async Task UefiVmBootsWithItsOwnVariableStore()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "uefi", "--memory", "512", "--firmware", "uefi", "--disk", $"import={TestGuest.UefiDisk}")).EnsureSuccess();
        var vars = Directory.GetFiles(Path.Combine(d.DataDir, "pools", "local"), "*efivars*");
        Assert.Single(vars);
        (await d.CarveAsync("vm", "start", "uefi")).EnsureSuccess();
        await d.WaitForConsoleAsync("uefi", TimeSpan.FromSeconds(150), "CARVE-FIRMWARE=uefi", "CARVE-BOOT-MODE=uefi", "CARVE-READY");
        (await d.CarveAsync("vm", "stop", "uefi")).EnsureSuccess();
        (await d.CarveAsync("vm", "delete", "uefi")).EnsureSuccess();
        Assert.False(File.Exists(vars[0]));
    }
}
