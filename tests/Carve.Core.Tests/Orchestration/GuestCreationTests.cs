using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Errors;
using Carve.Core.Tests.Support.Fakes;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Creating guests through GuestCreation: stored under a create lock, built, maybe started, and removed whole when any step fails.</summary>
public sealed class GuestCreationTests : IDisposable
{
    private readonly CoreHarness _h = new(guestMemoryMiB: 1024);

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_draft_is_stored_holding_its_create_lock_while_it_is_built()
    {
        var gate = _h.Vm.Hold("build web");

        var task = await Create(new FakeCreateRequest(GuestKind.Vm, "web"));
        await gate.Reached;
        var building = _h.Guests.FindByName("web")!;
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal(("vm-create", task.Id), (building.Lock, building.LockTask));
        Assert.Equal(building.Id, task.GuestId);
        var built = _h.Reread(building);
        Assert.Null(built.Lock);
        // The config was made for the id the guest got: its volume carries it.
        Assert.Equal($"disk-{built.Id}", built.Config.Specific!["volume"].GetString());
        Assert.Equal(["build web"], _h.Vm.Calls);
        Assert.False(_h.Vm.IsRunning(built));
    }

    [Fact]
    public async Task A_guest_asked_to_start_is_built_then_started()
    {
        var task = await Create(new FakeCreateRequest(GuestKind.Vm, "web") { Start = true });
        await _h.Succeeded(task);

        Assert.Equal(["build web", "start web"], _h.Vm.Calls);
        Assert.True(_h.Vm.IsRunning(_h.Guests.FindByName("web")!));
        Assert.Equal("vm-create", task.Type);
    }

    [Fact]
    public async Task A_container_is_created_by_its_own_kinds_driver_under_its_own_lock()
    {
        var gate = _h.Ct.Hold("build box");

        var task = await Create(new FakeCreateRequest(GuestKind.Ct, "box"));
        await gate.Reached;
        var building = _h.Guests.FindByName("box")!;
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal((GuestKind.Ct, "ct-create"), (building.Kind, building.Lock));
        Assert.Equal(["build box"], _h.Ct.Calls);
        Assert.Empty(_h.Vm.Calls);
    }

    [Fact]
    public async Task A_factory_names_its_own_task_type()
    {
        var task = await Create(new FakeCreateRequest(GuestKind.Vm, "imported") { TaskType = "vm-import" });
        await _h.Succeeded(task);

        Assert.Equal("vm-import", _h.Tasks.Find(task.Id)!.Type);
    }

    [Fact]
    public async Task A_failed_build_discards_the_guest_through_its_driver_and_its_row_goes()
    {
        _h.Vm.Fail("build", new OperationFailedException("qemu-img could not write the disk."));

        var error = await _h.Failed(await Create(new FakeCreateRequest(GuestKind.Vm, "web") { Start = true }));

        Assert.Equal("qemu-img could not write the disk.", error);
        Assert.Equal(["build web", "delete web"], _h.Vm.Calls);
        Assert.Empty(_h.Guests.List());
    }

    [Fact]
    public async Task A_failed_start_after_the_build_discards_the_guest_too()
    {
        _h.Vm.Fail("start");

        var task = await Create(new FakeCreateRequest(GuestKind.Vm, "web") { Start = true });
        await _h.Failed(task);

        Assert.Equal(["build web", "start web", "delete web"], _h.Vm.Calls);
        Assert.Empty(_h.Guests.List());
        Assert.Contains("Removed the half-made vm web (100).", _h.Log(task));
    }

    [Fact]
    public async Task A_bug_during_the_build_discards_the_guest_as_a_failure_does()
    {
        _h.Vm.FailUnexpectedly("build");

        var task = await Create(new FakeCreateRequest(GuestKind.Vm, "web"));

        Assert.StartsWith("Internal error (a bug in carved)", await _h.Failed(task), StringComparison.Ordinal);
        Assert.Equal(["build web", "delete web"], _h.Vm.Calls);
        Assert.Empty(_h.Guests.List());
    }

    [Fact]
    public async Task A_new_guest_that_does_not_fit_in_the_memory_left_is_discarded_before_its_driver_starts_it()
    {
        _h.Guest("db", memoryMiB: 768, running: true);

        var task = await Create(new FakeCreateRequest(GuestKind.Vm, "web") { Start = true, MemoryMiB = 512 });

        Assert.StartsWith("Not enough memory to start vm web (101)", await _h.Failed(task), StringComparison.Ordinal);
        Assert.Equal(["build web", "delete web"], _h.Vm.Calls);
        Assert.Equal(["db"], _h.Guests.List().Select(g => g.Name));
    }

    [Fact]
    public async Task A_name_already_taken_is_refused_before_anything_is_made()
    {
        var web = _h.Guest("web", memoryMiB: 256);

        var e = await Assert.ThrowsAsync<ConflictException>(() => Create(new FakeCreateRequest(GuestKind.Ct, "web")));

        Assert.Equal("The name 'web' is already used by vm web (100).", e.Message);
        AssertNothingMade(web);
    }

    [Fact]
    public async Task An_id_already_taken_is_refused_before_anything_is_made()
    {
        var web = _h.Guest("web", memoryMiB: 256);

        var e = await Assert.ThrowsAsync<ConflictException>(() => Create(new FakeCreateRequest(GuestKind.Vm, "db") { Id = web.Id }));

        Assert.Equal("The id 100 is already used by vm web (100).", e.Message);
        AssertNothingMade(web);
    }

    private void AssertNothingMade(Core.Guests.GuestRecord existing)
    {
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Ct.Calls);
        Assert.Empty(_h.Tasks.List());
        var stored = Assert.Single(_h.Guests.List());
        Assert.Equal((existing.Id, existing.Name, existing.Config.ToJson(), null), (stored.Id, stored.Name, stored.Config.ToJson(), stored.Lock));
    }

    private Task<TaskView> Create(FakeCreateRequest request) =>
        _h.Creation.SubmitAsync(new CreateGuestCommand<FakeCreateRequest>(request, "tester"), CancellationToken.None);
}
