using Carve.Contracts.Guests;
using Carve.Core.Boot;
using Carve.Core.Tests.Orchestration;
using Carve.Core.Tests.Support.Fakes;

namespace Carve.Core.Tests.Boot;

/// <summary>The start-at-boot and stop-at-shutdown sequences over the real core with recording drivers.</summary>
public sealed class HostPowerTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private HostPower Power => _h.Get<HostPower>();

    [Fact]
    public async Task Onboot_guests_start_one_after_another_in_order_and_the_others_stay_stopped()
    {
        _h.Guest("dns", new BootPolicy { OnBoot = true, Order = 2 });
        _h.Guest("router", new BootPolicy { OnBoot = true, Order = 1, UpSeconds = 1 }, GuestKind.Vm);
        _h.Guest("media", new BootPolicy { OnBoot = false, Order = 0 });
        _h.Guest("lab", new BootPolicy { OnBoot = true });

        var task = await _h.Succeeded(Power.SubmitStart("root@local"));

        Assert.Equal(["start router"], _h.Vm.Calls);
        Assert.Equal(["start dns", "start lab"], _h.Ct.Calls);
        var log = _h.Log(task);
        Assert.Contains("Starting 3 guest(s) in order: router, dns, lab.", log);
        Assert.Equal(
            ["Started vm router (101).", "Waiting 1 s after router before the next guest.", "Started ct dns (100).", "Started ct lab (103)."],
            log.Skip(1));
        // Each start is a task of its own, under the guest's lock, in the boot's order.
        var starts = _h.Tasks.List().Where(t => t.Type.EndsWith("-start", StringComparison.Ordinal)).OrderBy(t => t.CreatedAt).Select(t => t.Guest);
        Assert.Equal(["router", "dns", "lab"], starts);
    }

    [Fact]
    public async Task The_next_guest_starts_once_the_first_prints_its_ready_text_in_this_boot_not_an_earlier_one()
    {
        _h.Guest("router", new BootPolicy { OnBoot = true, Order = 1, UpSeconds = 60, Ready = "CARVE-READY" }, GuestKind.Vm);
        _h.Guest("dns", new BootPolicy { OnBoot = true, Order = 2 });
        // The last boot's marker is still in the log: it must not count.
        _h.Vm.ConsoleLogs["router"] = new string('.', 64) + "\nCARVE-READY\n";
        _h.Vm.OnCall("start router", () => _h.Vm.ConsoleLogs["router"] += "booting\n");

        var boot = Power.SubmitStart("root@local");
        await WaitForLogAsync(boot, "Waiting up to 60 s for router to print 'CARVE-READY'.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(_h.Ct.Calls);
        _h.Vm.ConsoleLogs["router"] += "CARVE-READY\n";
        var task = await _h.Succeeded(boot);

        Assert.Equal(["start dns"], _h.Ct.Calls);
        Assert.Contains(_h.Log(task), l => l.StartsWith("router printed 'CARVE-READY' after ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ready_text_that_never_comes_holds_the_boot_no_longer_than_the_up_delay()
    {
        _h.Guest("router", new BootPolicy { OnBoot = true, Order = 1, UpSeconds = 1, Ready = "never printed" }, GuestKind.Vm);
        _h.Guest("dns", new BootPolicy { OnBoot = true, Order = 2 });

        var task = await _h.Succeeded(Power.SubmitStart("root@local"));

        Assert.Equal(["start dns"], _h.Ct.Calls);
        Assert.Contains("router did not print 'never printed' within 1 s; going on.", _h.Log(task));
    }

    private async Task WaitForLogAsync(Contracts.Tasks.TaskView task, string line)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(50))
            if (_h.Tasks.Find(task.Id)?.Log?.Any(l => l.Text == line) == true)
                return;
        Assert.Fail($"The task never logged: {line}\n{string.Join("\n", _h.Log(task))}");
    }

    [Fact]
    public async Task A_guest_that_fails_to_start_does_not_stop_the_others()
    {
        _h.Guest("broken", new BootPolicy { OnBoot = true, Order = 1 });
        _h.Guest("fine", new BootPolicy { OnBoot = true, Order = 2 });
        _h.Guest("running", new BootPolicy { OnBoot = true, Order = 3 }, running: true);
        _h.Ct.Fail("start broken");

        var task = await _h.Succeeded(Power.SubmitStart("root@local"));

        Assert.Equal(["start broken", "start fine"], _h.Ct.Calls);
        var log = _h.Log(task);
        Assert.Contains(log, l => l.StartsWith("ct broken (100) did not start: start broken failed", StringComparison.Ordinal));
        Assert.Contains("ct running (102): already running.", log);
    }

    [Fact]
    public async Task Shutdown_goes_in_reverse_order_each_guest_within_its_own_timeout()
    {
        _h.Guest("router", new BootPolicy { OnBoot = true, Order = 1, DownSeconds = 120 }, GuestKind.Vm, running: true);
        _h.Guest("dns", new BootPolicy { OnBoot = true, Order = 2, DownSeconds = 5 }, running: true);
        _h.Guest("lab", new BootPolicy(), running: true);
        _h.Guest("off", new BootPolicy { Order = 0 });

        var task = await _h.Succeeded(Power.SubmitStop("root@local"));

        Assert.Equal(["shutdown lab within 60s", "shutdown dns within 5s"], _h.Ct.Calls);
        Assert.Equal(["shutdown router within 120s"], _h.Vm.Calls);
        Assert.Equal(
            ["Shutting down 3 guest(s).", "Shut down ct lab (102).", "Shut down ct dns (101).", "Shut down vm router (100)."],
            _h.Log(task));
    }

    [Fact]
    public async Task A_guest_busy_with_a_task_is_waited_for_before_it_shuts_down()
    {
        var busy = _h.Guest("busy", new BootPolicy { DownSeconds = 30 }, running: true);
        var gate = _h.Ct.Hold("limits busy");
        var edit = _h.Editing.SubmitAsync(new Core.Commands.SetGuestCommand<FakeSetRequest>("busy", new FakeSetRequest { Cpus = 2 }, "root@local"), CancellationToken.None);
        var editTask = await edit;

        var stop = Power.SubmitStop("root@local");
        await Task.Delay(700);
        Assert.DoesNotContain(_h.Ct.Calls, c => c.StartsWith("shutdown", StringComparison.Ordinal));
        gate.Open();
        await _h.Succeeded(editTask);
        await _h.Succeeded(stop);

        Assert.Equal(["limits busy 2 cpus 64 MiB", "shutdown busy within 30s"], _h.Ct.Calls);
        Assert.False(_h.Ct.IsRunning(busy));
    }
}
