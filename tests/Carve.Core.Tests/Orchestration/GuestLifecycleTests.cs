using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Errors;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Start, stop, shutdown and reboot through GuestLifecycle: what is refused before a task, and what the driver is asked in which order.</summary>
public sealed class GuestLifecycleTests : IDisposable
{
    private readonly CoreHarness _h = new(guestMemoryMiB: 1024);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_template_is_never_started()
    {
        _h.Guest("base", template: true);

        var e = Assert.Throws<ConflictException>(() => Submit("base", LifecycleAction.Start));

        Assert.Equal("vm base (100) is a template; templates cannot be started, clone it instead.", e.Message);
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public void A_running_guest_is_not_started_again()
    {
        _h.Guest("web", running: true);

        var e = Assert.Throws<ConflictException>(() => Submit("web", LifecycleAction.Start));

        Assert.Equal("vm web (100) is already running.", e.Message);
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public void A_start_that_would_not_fit_in_the_memory_left_is_refused_before_a_task_is_made()
    {
        _h.Guest("db", memoryMiB: 768, running: true);
        _h.Guest("web", memoryMiB: 512);

        var e = Assert.Throws<ConflictException>(() => Submit("web", LifecycleAction.Start));

        Assert.StartsWith("Not enough memory to start vm web (101): it needs 512 MiB, but running guests hold 768 MiB of the 1 GiB", e.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public async Task A_start_asks_the_driver_and_leaves_the_guest_running_and_free()
    {
        var web = _h.Guest("web");

        var task = Submit("web", LifecycleAction.Start);
        await _h.Succeeded(task);

        Assert.Equal(["start web"], _h.Vm.Calls);
        Assert.True(_h.Vm.IsRunning(web));
        Assert.Null(_h.Reread(web).Lock);
        Assert.Equal(("vm-start", "tester", web.Id), (task.Type, task.User, task.GuestId));
    }

    [Fact]
    public async Task A_start_in_flight_holds_its_memory_so_a_second_that_would_not_fit_is_refused()
    {
        _h.Guest("first", memoryMiB: 600);
        _h.Guest("second", memoryMiB: 600);
        var gate = _h.Vm.Hold("start first");

        var first = Submit("first", LifecycleAction.Start);
        await gate.Reached;
        var e = Assert.Throws<ConflictException>(() => Submit("second", LifecycleAction.Start));
        gate.Open();
        await _h.Succeeded(first);

        Assert.StartsWith("Not enough memory to start vm second", e.Message, StringComparison.Ordinal);
        Assert.Equal(["start first"], _h.Vm.Calls);
    }

    [Fact]
    public async Task Stop_and_shutdown_ask_the_driver_and_leave_the_guest_stopped()
    {
        var web = _h.Guest("web", running: true);
        var db = _h.Guest("db", running: true);

        await _h.Succeeded(Submit("web", LifecycleAction.Stop));
        await _h.Succeeded(_h.Lifecycle.Submit(new LifecycleCommand("db", GuestKind.Vm, LifecycleAction.Shutdown, "tester") { Timeout = TimeSpan.FromSeconds(7) }));

        Assert.Equal(["stop web", "shutdown db within 7s"], _h.Vm.Calls);
        Assert.False(_h.Vm.IsRunning(web));
        Assert.False(_h.Vm.IsRunning(db));
    }

    [Fact]
    public async Task A_shutdown_without_a_timeout_gives_the_guest_the_configured_time()
    {
        _h.Guest("web", running: true);

        await _h.Succeeded(Submit("web", LifecycleAction.Shutdown));

        Assert.Equal([$"shutdown web within {_h.Options.ShutdownTimeoutSeconds}s"], _h.Vm.Calls);
    }

    [Theory]
    [InlineData(LifecycleAction.Stop)]
    [InlineData(LifecycleAction.Shutdown)]
    [InlineData(LifecycleAction.Reboot)]
    public void A_stopped_guest_cannot_be_stopped_shut_down_or_rebooted(LifecycleAction action)
    {
        _h.Guest("web");

        var e = Assert.Throws<ConflictException>(() => Submit("web", action));

        Assert.Equal("vm web (100) is not running.", e.Message);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public async Task A_reboot_shuts_down_then_starts_with_the_stored_config_so_pending_changes_apply()
    {
        var web = _h.Guest("web", memoryMiB: 256, running: true);
        _h.Guests.UpdateConfig(web.Id, web.Config with { MemoryMiB = 384 });

        await _h.Succeeded(Submit("web", LifecycleAction.Reboot));

        Assert.Equal(["shutdown web within 60s", "start web"], _h.Vm.Calls);
        Assert.Equal(384, _h.Vm.Inspect(web).AppliedConfig!.MemoryMiB);
    }

    [Theory]
    [InlineData("vm", LifecycleAction.Start, false, "vm-start")]
    [InlineData("ct", LifecycleAction.Start, false, "ct-start")]
    [InlineData("ct", LifecycleAction.Stop, true, "ct-stop")]
    [InlineData("ct", LifecycleAction.Shutdown, true, "ct-shutdown")]
    [InlineData("vm", LifecycleAction.Reboot, true, "vm-reboot")]
    [InlineData("ct", LifecycleAction.Delete, false, "ct-delete")]
    public async Task Each_task_is_typed_by_the_guests_kind_and_the_action(string kindName, LifecycleAction action, bool running, string type)
    {
        var kind = GuestKind.Parse(kindName);
        _h.Guest("box", kind, running: running);

        var task = _h.Lifecycle.Submit(new LifecycleCommand("box", kind, action, "tester"));
        await _h.Succeeded(task);

        Assert.Equal(type, task.Type);
        Assert.Equal(type, _h.Tasks.Find(task.Id)!.Type);
    }

    [Fact]
    public void A_guest_named_with_the_wrong_kind_is_not_found()
    {
        _h.Guest("box", GuestKind.Ct);

        var e = Assert.Throws<NotFoundException>(() => Submit("box", LifecycleAction.Start));

        Assert.Equal("'box' is a container, not a VM.", e.Message);
    }

    [Fact]
    public async Task The_guests_lock_is_held_while_the_task_runs_and_refuses_other_operations()
    {
        var web = _h.Guest("web");
        var gate = _h.Vm.Hold("start");

        var task = Submit("web", LifecycleAction.Start);
        await gate.Reached;
        var held = _h.Reread(web);
        var busy = Assert.Throws<ConflictException>(() => Submit("web", LifecycleAction.Delete));
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal(("vm-start", task.Id), (held.Lock, held.LockTask));
        Assert.Equal($"vm web (100) is busy: task {task.Id} (vm-start) is running; wait for it to finish.", busy.Message);
        Assert.Null(_h.Reread(web).Lock);
    }

    [Fact]
    public async Task A_failed_start_reports_the_drivers_sentence_and_releases_the_lock()
    {
        var web = _h.Guest("web");
        _h.Vm.Fail("start", new OperationFailedException("QEMU exited: no such disk."));

        var error = await _h.Failed(Submit("web", LifecycleAction.Start));

        Assert.Equal("QEMU exited: no such disk.", error);
        Assert.Null(_h.Reread(web).Lock);
        Assert.False(_h.Vm.IsRunning(web));
        // Its memory claim went with it: the guest can be started again at once.
        await _h.Succeeded(Submit("web", LifecycleAction.Start));
        Assert.Equal(["start web", "start web"], _h.Vm.Calls);
    }

    [Fact]
    public async Task A_bug_in_a_driver_fails_the_task_without_its_text_and_releases_the_lock()
    {
        var web = _h.Guest("web", running: true);
        _h.Vm.FailUnexpectedly("stop");

        var task = Submit("web", LifecycleAction.Stop);
        var error = await _h.Failed(task);

        Assert.Equal($"Internal error (a bug in carved): its log has the details under task {task.Id}.", error);
        Assert.DoesNotContain("fake driver", error, StringComparison.Ordinal);
        Assert.Null(_h.Reread(web).Lock);
    }

    private Contracts.Tasks.TaskView Submit(string guest, LifecycleAction action) =>
        _h.Lifecycle.Submit(new LifecycleCommand(guest, GuestKind.Vm, action, "tester"));
}
