using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;

namespace Carve.Core.Tests.Orchestration;

/// <summary>
/// StartupRecovery settling what a dead daemon left: half-made guests removed, half-deleted ones finished, other
/// locks freed, each kind's driver reattached to its own guests, and its tasks marked interrupted.
/// </summary>
public sealed class StartupRecoveryTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_half_created_guest_is_deleted_through_its_driver()
    {
        var half = _h.Guests.Insert("half", null, GuestKind.Vm, _ => new GuestConfig(), "tdead");

        await RecoverAsync();

        Assert.Null(_h.Guests.Find(half.Id));
        Assert.Equal(["delete half", "recover"], _h.Vm.Calls);
    }

    [Fact]
    public async Task A_half_deleted_guest_is_deleted_the_rest_of_the_way()
    {
        var gone = Locked("gone", GuestKind.Ct, "ct-delete");

        await RecoverAsync();

        Assert.Null(_h.Guests.Find(gone.Id));
        Assert.Equal(["delete gone", "recover"], _h.Ct.Calls);
    }

    [Fact]
    public async Task A_half_made_clone_is_removed_and_its_source_only_freed()
    {
        var source = Locked("web", GuestKind.Vm, "vm-clone", "tclone");
        var clone = _h.Guests.Insert("copy", null, GuestKind.Vm, _ => new GuestConfig(), "tclone");

        await RecoverAsync();

        Assert.Null(_h.Guests.Find(clone.Id));
        Assert.Null(_h.Reread(source).Lock);
        Assert.Equal(["delete copy", "recover web"], _h.Vm.Calls);
    }

    [Theory]
    [InlineData("vm-start")]
    [InlineData("vm-snapshot-remove")]
    [InlineData("vm-set")]
    public async Task Other_locks_are_released_and_the_guest_kept(string lockName)
    {
        var web = Locked("web", GuestKind.Vm, lockName);

        await RecoverAsync();

        var after = _h.Reread(web);
        Assert.Equal((null, null), (after.Lock, after.LockTask));
        Assert.Equal(["recover web"], _h.Vm.Calls);
    }

    [Fact]
    public async Task Each_kinds_driver_reattaches_to_its_own_guests_only()
    {
        _h.Guest("web");
        _h.Guest("box", GuestKind.Ct);
        _h.Guest("db");
        _h.Guests.Insert("half", null, GuestKind.Ct, _ => new GuestConfig(), "tdead");

        await RecoverAsync();

        Assert.Equal(["recover web db"], _h.Vm.Calls);
        Assert.Equal(["delete half", "recover box"], _h.Ct.Calls);
    }

    [Fact]
    public async Task A_guest_whose_driver_cannot_delete_it_keeps_its_lock_for_the_next_start_and_holds_up_nothing_else()
    {
        var stuck = _h.Guests.Insert("stuck", null, GuestKind.Vm, _ => new GuestConfig(), "tdead");
        var web = Locked("web", GuestKind.Vm, "vm-start");
        _h.Vm.Fail("delete stuck", new Errors.OperationFailedException("volume busy"));

        await RecoverAsync();

        Assert.Equal("vm-create", _h.Reread(stuck).Lock);
        Assert.Null(_h.Reread(web).Lock);
        Assert.Equal(["delete stuck", "recover stuck web"], _h.Vm.Calls);
    }

    [Fact]
    public async Task Tasks_the_dead_daemon_was_running_are_marked_interrupted()
    {
        var store = _h.Get<TaskStore>();
        var view = new TaskView { Id = TaskRunner.NewTaskId(), Type = "vm-start", User = "tester", Status = TaskStates.Running, CreatedAt = DateTimeOffset.UtcNow };
        store.Insert(view);

        await RecoverAsync();

        var task = store.Find(view.Id, withLog: false)!;
        Assert.Equal(TaskStates.Failed, task.Status);
        Assert.Equal("The daemon stopped while this task was running; it was interrupted.", task.Error);
    }

    [Fact]
    public async Task A_snapshot_left_halfway_is_settled_after_the_guests()
    {
        var web = _h.Guest("web");
        _h.SnapshotStore.Begin(web.Id, "half", memory: false, null, web.Config);

        await RecoverAsync();

        Assert.Empty(_h.SnapshotStore.List(web.Id));
        Assert.Equal(["recover web", "delete-snapshot web half"], _h.Vm.Calls);
    }

    private GuestRecord Locked(string name, GuestKind kind, string lockName, string task = "tdead")
    {
        var guest = _h.Guests.Insert(name, null, kind, _ => new GuestConfig(), "tsetup");
        _h.Guests.ReleaseLock(guest.Id, "tsetup");
        _h.Guests.AcquireLock(guest.Id, lockName, task);
        return _h.Reread(guest);
    }

    private Task RecoverAsync() => _h.Recovery.RunAsync(CancellationToken.None);
}
