using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Contracts.Vms;
using Carve.Core.Commands;
using Carve.Core.Errors;
using Carve.Core.Tests.Support.Fakes;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Changing guests through GuestEditing: the common settings stored here, the kind's own through its edit, limits applied only when they changed.</summary>
public sealed class GuestEditingTests : IDisposable
{
    private readonly CoreHarness _h = new(guestMemoryMiB: 1024);

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_request_that_changes_nothing_is_refused_with_the_editors_sentence()
    {
        _h.Guest("web");

        var e = await Assert.ThrowsAsync<BadRequestException>(() => Set("web", new FakeSetRequest()));

        Assert.Equal(FakeGuestEditor.NothingToChange, e.Message);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public async Task Cpus_memory_and_description_are_stored_and_the_new_limits_applied()
    {
        var web = _h.Guest("web");

        var task = await Set("web", new FakeSetRequest { Cpus = 2, MemoryMiB = 768, Description = "the shop" });
        await _h.Succeeded(task);

        var stored = _h.Reread(web).Config;
        Assert.Equal((2, 768, "the shop"), (stored.Cpus, stored.MemoryMiB, stored.Description));
        Assert.Equal(["limits web 2 cpus 768 MiB"], _h.Vm.Calls);
        Assert.Equal("vm-set", task.Type);
        Assert.Null(_h.Reread(web).Lock);
    }

    [Fact]
    public async Task Limits_are_not_applied_when_neither_cpus_nor_memory_changed()
    {
        var web = _h.Guest("web", cpus: 2);

        await _h.Succeeded(await Set("web", new FakeSetRequest { Description = "quiet" }));
        await _h.Succeeded(await Set("web", new FakeSetRequest { Cpus = 2 }));

        Assert.Empty(_h.Vm.Calls);
        Assert.Equal("quiet", _h.Reread(web).Config.Description);
    }

    [Theory]
    [InlineData("vm", "VM")]
    [InlineData("ct", "container")]
    public async Task Nics_of_a_running_guest_are_refused_naming_its_kind(string kindName, string noun)
    {
        var kind = GuestKind.Parse(kindName);
        _h.NatNetwork("lab", "10.9.0.0/24");
        var guest = _h.Guest("box", kind, running: true);

        var e = await Assert.ThrowsAsync<ConflictException>(() => Set("box", new FakeSetRequest { Nics = [new NicRequest { Network = "lab" }] }));

        Assert.Equal($"{kindName} box (100) is running; NICs change only on a stopped {noun}.", e.Message);
        Assert.Empty(_h.Tasks.List());
        Assert.Empty(_h.Reread(guest).Config.Nics);
    }

    [Fact]
    public async Task Nics_of_a_stopped_guest_are_replaced_and_both_networks_applied_again()
    {
        _h.NatNetwork("old", "10.8.0.0/24");
        _h.NatNetwork("new", "10.9.0.0/24");
        var web = _h.Guest("web", nics: _h.Plan(GuestKind.Vm, "old"));

        var task = await Set("web", new FakeSetRequest { Nics = [new NicRequest { Network = "new" }] });
        await _h.Succeeded(task);

        var nic = Assert.Single(_h.Reread(web).Config.Nics);
        Assert.Equal(("new", "10.9.0.2"), (nic.Network, nic.Ip));
        Assert.Equal(["new", "old"], _h.Nat.Applied.Select(a => a.Network).Order());
        Assert.Equal([("web", "10.9.0.2")], _h.Nat.Applied.Single(a => a.Network == "new").Plan.Reservations.Select(r => (r.Hostname, r.Ip)));
        Assert.Empty(_h.Nat.Applied.Single(a => a.Network == "old").Plan.Reservations);
        Assert.Empty(_h.Vm.Calls);
    }

    [Fact]
    public async Task Growing_a_running_guest_whose_limits_apply_live_past_the_memory_left_is_refused_and_nothing_stored()
    {
        var box = _h.Guest("box", GuestKind.Ct, memoryMiB: 512, running: true);

        var error = await _h.Failed(await Set("box", new FakeSetRequest { MemoryMiB = 1536, Description = "bigger" }));

        Assert.StartsWith("Not enough memory to grow ct box (100): it needs 1.5 GiB", error, StringComparison.Ordinal);
        var stored = _h.Reread(box);
        Assert.Equal((512, null, null), (stored.Config.MemoryMiB, stored.Config.Description, stored.Lock));
        Assert.Empty(_h.Ct.Calls);
    }

    [Fact]
    public async Task Growing_a_running_guest_whose_limits_apply_live_within_the_memory_left_is_stored_and_applied()
    {
        var box = _h.Guest("box", GuestKind.Ct, memoryMiB: 512, running: true);

        await _h.Succeeded(await Set("box", new FakeSetRequest { MemoryMiB = 1024 }));

        Assert.Equal(1024, _h.Reread(box).Config.MemoryMiB);
        Assert.Equal(["limits box 1 cpus 1024 MiB"], _h.Ct.Calls);
    }

    [Fact]
    public async Task Growing_a_stopped_guest_whose_limits_apply_live_is_stored_and_checked_at_its_next_start()
    {
        var box = _h.Guest("box", GuestKind.Ct, memoryMiB: 512);

        await _h.Succeeded(await Set("box", new FakeSetRequest { MemoryMiB = 4096 }));

        Assert.Equal(4096, _h.Reread(box).Config.MemoryMiB);
        Assert.Throws<ConflictException>(() => _h.Lifecycle.Submit(new LifecycleCommand("box", GuestKind.Ct, LifecycleAction.Start, "tester")));
    }

    [Fact]
    public async Task Growing_a_running_guest_whose_limits_wait_for_a_restart_is_stored_and_checked_at_its_next_start()
    {
        var web = _h.Guest("web", memoryMiB: 512, running: true);

        await _h.Succeeded(await Set("web", new FakeSetRequest { MemoryMiB = 1536 }));

        Assert.Equal(1536, _h.Reread(web).Config.MemoryMiB);
        Assert.Equal(["limits web 1 cpus 1536 MiB"], _h.Vm.Calls);
    }

    [Fact]
    public async Task The_kinds_own_change_is_stored_and_its_after_step_sees_the_new_config()
    {
        var web = _h.Guest("web");

        await _h.Succeeded(await Set("web", new FakeSetRequest { MemoryMiB = 640, Marker = "blue", After = true }));

        Assert.Equal("blue", _h.Reread(web).Config.Specific!["marker"].GetString());
        Assert.Equal(["limits web 1 cpus 640 MiB", "after web 640 MiB"], _h.Vm.Calls);
    }

    [Fact]
    public async Task A_guest_busy_with_another_task_is_not_changed()
    {
        var web = _h.Guest("web");
        var gate = _h.Vm.Hold("start");
        var start = _h.Lifecycle.Submit(new LifecycleCommand("web", GuestKind.Vm, LifecycleAction.Start, "tester"));
        await gate.Reached;

        var e = await Assert.ThrowsAsync<ConflictException>(() => Set("web", new FakeSetRequest { Cpus = 4 }));
        gate.Open();
        await _h.Succeeded(start);

        Assert.Contains("is busy", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _h.Reread(web).Config.Cpus);
    }

    private Task<TaskView> Set(string guest, FakeSetRequest request) =>
        _h.Editing.SubmitAsync(new SetGuestCommand<FakeSetRequest>(guest, request, "tester"), CancellationToken.None);
}
