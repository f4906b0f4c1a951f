using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Snapshots;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Taking and deleting snapshots through SnapshotService: the tree is written around the driver's work, and a failure never leaves a half snapshot listed as good.</summary>
public sealed class SnapshotServiceTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_snapshot_is_recorded_as_creating_while_the_driver_works_then_ready_and_current()
    {
        var web = _h.Guest("web", cpus: 2, memoryMiB: 768);
        await _h.Succeeded(Create("web", "s1"));
        var gate = _h.Vm.Hold("snapshot web s2");

        var task = Create("web", "s2", description: "before the upgrade");
        await gate.Reached;
        var creating = _h.SnapshotStore.Find(web.Id, "s2")!;
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal((SnapshotStates.Creating, false), (creating.State, creating.Current));
        var s2 = _h.SnapshotStore.Find(web.Id, "s2")!;
        Assert.Equal((SnapshotStates.Ready, true, "s1", "before the upgrade"), (s2.State, s2.Current, s2.Parent, s2.Description));
        Assert.False(_h.SnapshotStore.Find(web.Id, "s1")!.Current);
        Assert.Equal((2, 768), (s2.Config!.Cpus, s2.Config.MemoryMiB));
        Assert.Equal(["snapshot web s1", "snapshot web s2"], _h.Vm.Calls);
        Assert.Equal("vm-snapshot", task.Type);
    }

    [Fact]
    public async Task A_ram_snapshot_keeps_the_config_the_guest_runs_with_not_changes_waiting_for_a_restart()
    {
        var web = _h.Guest("web", memoryMiB: 512);
        _h.Vm.MarkRunning(web);
        _h.Guests.UpdateConfig(web.Id, web.Config with { MemoryMiB = 1024 });

        await _h.Succeeded(Create("web", "live", memory: true));

        Assert.Equal(["snapshot web live with memory"], _h.Vm.Calls);
        var live = _h.SnapshotStore.Find(web.Id, "live")!;
        Assert.True(live.Memory);
        Assert.Equal(512, live.Config!.MemoryMiB);
    }

    [Fact]
    public async Task A_driver_failure_undoes_the_snapshot_on_the_volumes_and_removes_its_row()
    {
        var web = _h.Guest("web");
        await _h.Succeeded(Create("web", "good"));
        _h.Vm.Fail("snapshot web bad", new OperationFailedException("qemu-img snapshot failed on disk1."));

        var error = await _h.Failed(Create("web", "bad"));

        Assert.Equal("qemu-img snapshot failed on disk1.", error);
        Assert.Equal(["snapshot web good", "snapshot web bad", "delete-snapshot web bad"], _h.Vm.Calls);
        var left = Assert.Single(_h.SnapshotStore.List(web.Id));
        Assert.Equal(("good", true, SnapshotStates.Ready), (left.Name, left.Current, left.State));
        Assert.Null(_h.Reread(web).Lock);
    }

    [Fact]
    public void A_ram_snapshot_of_a_stopped_guest_is_refused_before_a_task()
    {
        _h.Guest("web");

        var e = Assert.Throws<ConflictException>(() => Create("web", "s1", memory: true));

        Assert.Equal("vm web (100) is not running, so it has no RAM to save; snapshot it without --memory.", e.Message);
        Assert.Empty(_h.Tasks.List());
        Assert.Empty(_h.Vm.Calls);
    }

    [Fact]
    public async Task A_name_in_use_or_made_only_of_digits_is_refused_before_a_task()
    {
        _h.Guest("web");
        await _h.Succeeded(Create("web", "s1"));

        Assert.Equal("vm web (100) already has a snapshot named 's1'.", Assert.Throws<ConflictException>(() => Create("web", "s1")).Message);
        Assert.Contains("cannot be only digits", Assert.Throws<BadRequestException>(() => Create("web", "42")).Message, StringComparison.Ordinal);
        Assert.Single(_h.Tasks.List());
    }

    [Fact]
    public void A_template_is_never_snapshotted()
    {
        _h.Guest("base", template: true);

        var e = Assert.Throws<ConflictException>(() => Create("base", "s1"));

        Assert.Equal("vm base (100) is a template; templates do not change. Clone it and snapshot the clone.", e.Message);
        Assert.Empty(_h.Vm.Calls);
    }

    [Fact]
    public async Task A_snapshot_is_marked_deleting_while_the_driver_removes_it_then_its_row_goes()
    {
        var web = _h.Guest("web");
        await _h.Succeeded(Create("web", "a"));
        await _h.Succeeded(Create("web", "b"));
        var gate = _h.Vm.Hold("delete-snapshot");

        var task = Delete("web", "a");
        await gate.Reached;
        var deleting = _h.SnapshotStore.Find(web.Id, "a")!.State;
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal(SnapshotStates.Deleting, deleting);
        var b = Assert.Single(_h.SnapshotStore.List(web.Id));
        Assert.Equal(("b", null, true), (b.Name, b.Parent, b.Current));
        Assert.Equal("vm-snapshot-remove", task.Type);
        Assert.Equal("delete-snapshot web a", _h.Vm.Calls[^1]);
    }

    [Fact]
    public async Task A_failed_delete_leaves_the_snapshot_unusable_until_a_retry_finishes_it()
    {
        var web = _h.Guest("web");
        await _h.Succeeded(Create("web", "a"));
        _h.Vm.Fail("delete-snapshot");

        await _h.Failed(Delete("web", "a"));

        Assert.Equal(SnapshotStates.Deleting, _h.SnapshotStore.Find(web.Id, "a")!.State);
        var e = Assert.Throws<ConflictException>(() => _h.Snapshots.Rollback(new SnapshotCommand("web", "a", "tester")));
        Assert.Equal("Snapshot a of vm web (100) is not usable (state deleting); delete it.", e.Message);
        await _h.Succeeded(Delete("web", "a"));
        Assert.Empty(_h.SnapshotStore.List(web.Id));
    }

    [Fact]
    public void Deleting_a_snapshot_the_guest_does_not_have_is_not_found()
    {
        _h.Guest("web");

        var e = Assert.Throws<NotFoundException>(() => Delete("web", "nope"));

        Assert.Equal("vm web (100) has no snapshot named 'nope'.", e.Message);
        Assert.Empty(_h.Tasks.List());
    }

    private TaskView Create(string guest, string name, bool memory = false, string? description = null) =>
        _h.Snapshots.Create(new CreateSnapshotCommand(guest, name, memory, description, "tester"));

    private TaskView Delete(string guest, string name) => _h.Snapshots.Delete(new SnapshotCommand(guest, name, "tester"));
}
