using System.Text.Json;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// kill -9 of a VM's QEMU under a running task: the task fails saying so, the lock goes, the VM starts again. A QEMU
/// frozen with SIGSTOP hangs nothing: show, shutdown and stop each give up on its monitor in bounded time.
/// </summary>
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
        var pid = await FreezeAsync(d, "ram");
        var snapshot = await SubmitAsync(d, "snapshot", "create", "ram", "doomed", "--memory");
        await KillQemuWhenLoggedAsync(d, pid, snapshot, "Saving RAM");
        await AssertFailedAndRecoversAsync(d, "ram", snapshot, "while snapshot doomed was taken");
        Assert.Equal(0, Json.Parse(await d.CarveAsync("snapshot", "list", "ram", "-o", "json")).GetArrayLength());
        await d.WaitForConsoleAsync("ram", TimeSpan.FromSeconds(150), "CARVE-READY");
        (await d.CarveAsync("vm", "stop", "ram")).EnsureSuccess();
    }

    [Fact]
    public async Task A_frozen_qemu_shows_its_monitor_not_answering_and_shutdown_and_stop_still_end_it()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "frozen", "--memory", "64")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "frozen")).EnsureSuccess();
        await FreezeAsync(d, "frozen");

        // vm show asks the frozen monitor, which never answers: it shows the VM running and its monitor silent.
        var shown = await d.ShowAsync("frozen");
        Assert.Equal("running", shown.GetProperty("status").GetString());
        Assert.True(!shown.GetProperty("runtime").TryGetProperty("qmpStatus", out var qmp) || qmp.ValueKind == JsonValueKind.Null, $"{shown}");

        // Neither a shutdown (with a long timeout) nor a stop waits for ever with the VM locked.
        await EndsFrozenAsync(d, ["vm", "shutdown", "frozen", "--timeout", "600"], "did not answer the ACPI power button");
        (await d.CarveAsync("vm", "start", "frozen")).EnsureSuccess();
        await FreezeAsync(d, "frozen");
        await EndsFrozenAsync(d, ["vm", "stop", "frozen"], "did not answer 'quit'");
        (await d.CarveAsync("vm", "start", "frozen")).EnsureSuccess();
        Assert.Equal("running", (await d.ShowAsync("frozen")).GetProperty("status").GetString());
    }

    private static async Task<int> FreezeAsync(DaemonProcess d, string vm)
    {
        var pid = await d.QemuPidAsync(vm);
        (await Processes.RunAsync("kill", ["-STOP", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])).EnsureSuccess();
        return pid;
    }

    private static async Task EndsFrozenAsync(DaemonProcess d, string[] command, string logged)
    {
        var id = await SubmitAsync(d, command);
        (await d.CarveAsync("task", "wait", id)).EnsureSuccess();
        var log = (await TaskAsync(d, id)).GetProperty("log").EnumerateArray().Select(l => l.GetProperty("text").GetString()!).ToList();
        Assert.Contains(log, l => l.Contains(logged, StringComparison.Ordinal));
        var stopped = await d.ShowAsync("frozen");
        Assert.Equal("stopped", stopped.GetProperty("status").GetString());
        Assert.False(stopped.TryGetProperty("lock", out var held) && held.ValueKind != JsonValueKind.Null, $"lock left: {stopped}");
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
