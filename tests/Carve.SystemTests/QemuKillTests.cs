using System.Text.Json;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>kill -9 of a VM's QEMU under a running task: the task fails saying so, the lock goes, the VM starts again.</summary>
public sealed class QemuKillTests
{
    [Fact]
    public async Task Qemu_killed_during_a_shutdown_or_a_memory_snapshot_fails_the_task_and_the_vm_starts_again()
    {
        await using var d = await DaemonProcess.StartAsync();

        // No OS answers the ACPI power button here, so the shutdown task is surely still waiting when QEMU dies.
        (await d.CarveAsync("vm", "create", "bare", "--memory", "64")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "bare")).EnsureSuccess();
        var shutdown = await SubmitAsync(d, "vm", "shutdown", "bare", "--timeout", "600");
        await KillQemuWhenLoggedAsync(d, await d.QemuPidAsync("bare"), shutdown, "Sent the ACPI power button");
        await AssertFailedAndRecoversAsync(d, "bare", shutdown, "before the guest powered off");

        // A memory snapshot: QEMU is frozen (SIGSTOP) first, so the task is surely inside it, waiting on the monitor,
        // when QEMU dies.
        (await d.CreateDirectBootVmAsync("ram", "--disk", "size=64M")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "ram")).EnsureSuccess();
        await d.WaitForConsoleAsync("ram", TimeSpan.FromSeconds(150), "CARVE-READY");
        // (vm show asks the frozen monitor and would hang: the pid is read first.)
        var pid = await d.QemuPidAsync("ram");
        (await Processes.RunAsync("kill", ["-STOP", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])).EnsureSuccess();
        var snapshot = await SubmitAsync(d, "snapshot", "create", "ram", "doomed", "--memory");
        await KillQemuWhenLoggedAsync(d, pid, snapshot, "Saving RAM");
        await AssertFailedAndRecoversAsync(d, "ram", snapshot, "while snapshot doomed was taken");
        Assert.Equal(0, Json.Parse(await d.CarveAsync("snapshot", "list", "ram", "-o", "json")).GetArrayLength());
        await d.WaitForConsoleAsync("ram", TimeSpan.FromSeconds(150), "CARVE-READY");
        (await d.CarveAsync("vm", "stop", "ram")).EnsureSuccess();
    }

    private static async Task<string> SubmitAsync(DaemonProcess d, params string[] args) =>
        (await d.CarveAsync([.. args, "--async"])).EnsureSuccess().Stdout.Trim();

    private static async Task<JsonElement> TaskAsync(DaemonProcess d, string id) => Json.Parse(await d.CarveAsync("task", "show", id, "-o", "json"));

    private static async Task KillQemuWhenLoggedAsync(DaemonProcess d, int pid, string task, string line)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await TaskAsync(d, task)).GetProperty("log").EnumerateArray().Any(l => l.GetProperty("text").GetString()!.Contains(line, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"task {task} never logged '{line}'");
            await Task.Delay(50);
        }
        Assert.Equal("running", (await TaskAsync(d, task)).GetProperty("status").GetString());
        System.Diagnostics.Process.GetProcessById(pid).Kill();
    }

    private static async Task AssertFailedAndRecoversAsync(DaemonProcess d, string vm, string task, string reason)
    {
        var waited = await d.CarveAsync("task", "wait", task);
        Assert.Equal(1, waited.ExitCode);
        var failed = await TaskAsync(d, task);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains($"exited {reason} (it was killed or crashed)", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var shown = await d.ShowAsync(vm);
        Assert.Equal("stopped", shown.GetProperty("status").GetString());
        Assert.False(shown.TryGetProperty("lock", out var held) && held.ValueKind != JsonValueKind.Null, $"lock left: {shown}");
        (await d.CarveAsync("vm", "start", vm)).EnsureSuccess();
        Assert.Equal("running", (await d.ShowAsync(vm)).GetProperty("status").GetString());
    }
}
