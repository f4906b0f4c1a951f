using Carve.Contracts.Tasks;
using Carve.Core.Guests;
using Carve.Core.Snapshots;

namespace Carve.Core.Tests.Orchestration;

/// <summary>
/// Rollbacks through SnapshotService: the disks and the guest's shape (CPUs, memory) come back, saved RAM resumes
/// through the same admission as a start, and a failure leaves the snapshot ready for a retry.
/// </summary>
public sealed class SnapshotRollbackTests : IDisposable
{
    private readonly CoreHarness _h = new(guestMemoryMiB: 1024);

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_rollback_brings_back_the_cpus_and_memory_the_guest_had_at_the_snapshot()
    {
        var web = _h.Guest("web", cpus: 1, memoryMiB: 512);
        Snapshot(web, "s1");
        Snapshot(web, "s2");
        Reshape(web, cpus: 2, memoryMiB: 768);

        var task = Rollback("web", "s1");
        await _h.Succeeded(task);

        var config = _h.Reread(web).Config;
        Assert.Equal((1, 512), (config.Cpus, config.MemoryMiB));
        Assert.Equal(["rollback web s1"], _h.Vm.Calls);
        Assert.True(_h.SnapshotStore.Find(web.Id, "s1")!.Current);
        Assert.Contains("vm web (100) goes back to the shape it had at s1: 1 CPU, 512 MiB.", _h.Log(task));
        Assert.Equal("vm-rollback", task.Type);
    }

    [Fact]
    public async Task A_snapshot_is_marked_rolling_back_while_the_driver_works()
    {
        var web = _h.Guest("web");
        Snapshot(web, "s1");
        var gate = _h.Vm.Hold("rollback");

        var task = Rollback("web", "s1");
        await gate.Reached;
        var state = _h.SnapshotStore.Find(web.Id, "s1")!.State;
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal(SnapshotStates.RollingBack, state);
        Assert.Equal(SnapshotStates.Ready, _h.SnapshotStore.Find(web.Id, "s1")!.State);
    }

    [Fact]
    public async Task A_ram_rollback_of_a_guest_running_with_another_shape_stops_it_and_resumes_in_the_old_shape()
    {
        var web = _h.Guest("web", cpus: 1, memoryMiB: 512);
        Snapshot(web, "live", memory: true);
        var reshaped = Reshape(web, cpus: 2, memoryMiB: 768);
        _h.Vm.MarkRunning(reshaped);

        var task = Rollback("web", "live");
        await _h.Succeeded(task);

        Assert.Equal(["stop web", "rollback web live"], _h.Vm.Calls);
        var applied = _h.Vm.Inspect(web).AppliedConfig!;
        Assert.Equal((1, 512), (applied.Cpus, applied.MemoryMiB));
        Assert.Equal(512, _h.Reread(web).Config.MemoryMiB);
        Assert.Contains("Stopping the VM first: it runs with another number of CPUs or amount of memory than the snapshot has.", _h.Log(task));
    }

    [Fact]
    public async Task A_ram_rollback_of_a_guest_running_in_the_same_shape_does_not_stop_it()
    {
        var web = _h.Guest("web", running: true);
        Snapshot(web, "live", memory: true);

        await _h.Succeeded(Rollback("web", "live"));

        Assert.Equal(["rollback web live"], _h.Vm.Calls);
        Assert.True(_h.Vm.IsRunning(web));
    }

    [Fact]
    public async Task Resuming_saved_ram_of_a_stopped_guest_is_admitted_like_a_start()
    {
        var web = _h.Guest("web", memoryMiB: 512);
        Snapshot(web, "live", memory: true);
        _h.Guest("db", memoryMiB: 768, running: true);

        var task = Rollback("web", "live");

        Assert.StartsWith("Not enough memory to start vm web (100)", await _h.Failed(task), StringComparison.Ordinal);
        Assert.Empty(_h.Vm.Calls);
        var live = _h.SnapshotStore.Find(web.Id, "live")!;
        Assert.Equal(SnapshotStates.Ready, live.State);
        Assert.Contains("Run the rollback to live again to finish it.", _h.Log(task));
    }

    [Fact]
    public async Task A_disk_rollback_of_a_running_guest_leaves_it_stopped()
    {
        var web = _h.Guest("web", running: true);
        Snapshot(web, "s1");

        await _h.Succeeded(Rollback("web", "s1"));

        Assert.Equal(["rollback web s1"], _h.Vm.Calls);
        Assert.False(_h.Vm.IsRunning(web));
    }

    [Fact]
    public async Task A_failed_rollback_puts_the_snapshot_back_to_ready_and_keeps_the_present_shape()
    {
        var web = _h.Guest("web", memoryMiB: 512);
        Snapshot(web, "s1");
        Snapshot(web, "s2");
        Reshape(web, cpus: 2, memoryMiB: 768);
        _h.Vm.Fail("rollback");

        var task = Rollback("web", "s1");
        await _h.Failed(task);

        var s1 = _h.SnapshotStore.Find(web.Id, "s1")!;
        Assert.Equal((SnapshotStates.Ready, false), (s1.State, s1.Current));
        Assert.True(_h.SnapshotStore.Find(web.Id, "s2")!.Current);
        Assert.Equal(768, _h.Reread(web).Config.MemoryMiB);
        Assert.Null(_h.Reread(web).Lock);
        // A retry finishes it.
        await _h.Succeeded(Rollback("web", "s1"));
        Assert.Equal(512, _h.Reread(web).Config.MemoryMiB);
    }

    [Fact]
    public void A_rollback_to_a_snapshot_the_guest_does_not_have_or_of_a_template_is_refused()
    {
        _h.Guest("web");
        var template = _h.Guest("base", template: true);
        Snapshot(template, "s1");

        Assert.Equal("vm web (100) has no snapshot named 'nope'.",
            Assert.Throws<Errors.NotFoundException>(() => Rollback("web", "nope")).Message);
        Assert.Contains("is a template; templates do not change",
            Assert.Throws<Errors.ConflictException>(() => Rollback("base", "s1")).Message, StringComparison.Ordinal);
        Assert.Empty(_h.Tasks.List());
    }

    /// <summary>A ready snapshot of the guest as stored now, made current.</summary>
    private void Snapshot(GuestRecord guest, string name, bool memory = false)
    {
        _h.SnapshotStore.Begin(guest.Id, name, memory, null, _h.Reread(guest).Config);
        _h.SnapshotStore.MakeCurrent(guest.Id, name);
    }

    private GuestRecord Reshape(GuestRecord guest, int cpus, int memoryMiB)
    {
        _h.Guests.UpdateConfig(guest.Id, _h.Reread(guest).Config with { Cpus = cpus, MemoryMiB = memoryMiB });
        return _h.Reread(guest);
    }

    private TaskView Rollback(string guest, string name) => _h.Snapshots.Rollback(new SnapshotCommand(guest, name, "tester"));
}
