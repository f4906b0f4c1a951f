using Carve.Contracts.Guests;
using Carve.Core.Commands;
using Carve.Core.Errors;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Deleting guests through GuestLifecycle: running ones only with force, templates only without clones, nothing left behind.</summary>
public sealed class GuestDeletionTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_stopped_guest_is_deleted_through_its_driver_and_its_row_goes()
    {
        var web = _h.Guest("web");

        await _h.Succeeded(Delete("web"));

        Assert.Equal(["delete web"], _h.Vm.Calls);
        Assert.Null(_h.Guests.Find(web.Id));
    }

    [Fact]
    public void A_running_guest_is_not_deleted_without_force()
    {
        var web = _h.Guest("web", running: true);

        var e = Assert.Throws<ConflictException>(() => Delete("web"));

        Assert.Equal("vm web (100) is running; stop it first, or delete with --force.", e.Message);
        Assert.Empty(_h.Vm.Calls);
        Assert.True(_h.Vm.IsRunning(web));
        Assert.NotNull(_h.Guests.Find(web.Id));
    }

    [Fact]
    public async Task A_forced_delete_of_a_running_guest_stops_it_first()
    {
        var web = _h.Guest("web", running: true);

        await _h.Succeeded(Delete("web", force: true));

        Assert.Equal(["stop web", "delete web"], _h.Vm.Calls);
        Assert.Null(_h.Guests.Find(web.Id));
    }

    [Fact]
    public async Task A_template_whose_disks_back_linked_clones_cannot_be_deleted_until_they_are_gone()
    {
        var template = _h.Guest("base", template: true);
        var clone = _h.Guest("web");
        _h.Links.Add(clone.Id, template.Id);

        var e = Assert.Throws<ConflictException>(() => Delete("base"));
        Assert.Equal("vm base (100) is a template whose disks back 1 linked clone(s) (web); delete them first.", e.Message);
        Assert.Empty(_h.Vm.Calls);

        // The link goes with the clone's row, so the template is free once its last clone is deleted.
        await _h.Succeeded(Delete("web"));
        await _h.Succeeded(Delete("base"));
        Assert.Equal(["delete web", "delete base"], _h.Vm.Calls);
        Assert.Empty(_h.Guests.List());
    }

    [Fact]
    public async Task A_delete_the_driver_fails_keeps_the_guest_listed_and_free_so_it_can_be_deleted_again()
    {
        var web = _h.Guest("web");
        _h.Vm.Fail("delete", new OperationFailedException("The volume is busy."));

        Assert.Equal("The volume is busy.", await _h.Failed(Delete("web")));
        Assert.Null(_h.Reread(web).Lock);

        await _h.Succeeded(Delete("web"));
        Assert.Null(_h.Guests.Find(web.Id));
    }

    [Fact]
    public async Task A_deleted_guests_networks_are_applied_again_without_its_reservation()
    {
        _h.NatNetwork("lab", "10.9.0.0/24");
        var web = _h.Guest("web", nics: _h.Plan(GuestKind.Vm, "lab"));
        _h.Guest("db", nics: _h.Plan(GuestKind.Vm, "lab"));

        await _h.Succeeded(Delete("web"));

        var (network, plan) = Assert.Single(_h.Nat.Applied);
        Assert.Equal("lab", network);
        Assert.Equal(["db"], plan.Reservations.Select(r => r.Hostname));
        Assert.DoesNotContain(plan.Reservations, r => r.Mac == web.Config.Nics[0].Mac);
    }

    private Contracts.Tasks.TaskView Delete(string guest, bool force = false) =>
        _h.Lifecycle.Submit(new LifecycleCommand(guest, GuestKind.Vm, LifecycleAction.Delete, "tester") { Force = force });
}
