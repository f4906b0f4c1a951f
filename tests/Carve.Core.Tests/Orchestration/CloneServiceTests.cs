using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Clones;
using Carve.Core.Errors;
using Carve.Core.Snapshots;

namespace Carve.Core.Tests.Orchestration;

/// <summary>
/// Clones through CloneService: the clone has its own config and MACs from the first write, holds a create lock
/// until its volumes are made, and a failure removes it without touching the source.
/// </summary>
public sealed class CloneServiceTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_clone_gets_its_own_config_from_the_kinds_definition_and_new_macs_and_addresses()
    {
        _h.NatNetwork("lab", "10.9.0.0/24");
        var web = _h.Guest("web", cpus: 2, memoryMiB: 768, nics: _h.Plan(GuestKind.Vm, "lab"));

        var task = Clone("web", "copy");
        await _h.Succeeded(task);

        var copy = _h.Guests.FindByName("copy")!;
        Assert.Equal($"clone-{copy.Id}", copy.Config.Specific!["volume"].GetString());
        Assert.Equal((2, 768, GuestKind.Vm), (copy.Config.Cpus, copy.Config.MemoryMiB, copy.Kind));
        var (original, cloned) = (web.Config.Nics[0], Assert.Single(copy.Config.Nics));
        Assert.Equal(original.Network, cloned.Network);
        Assert.NotEqual(original.Mac, cloned.Mac);
        Assert.NotEqual(original.Ip, cloned.Ip);
        Assert.Equal(["clone web copy"], _h.Vm.Calls);
        Assert.Equal("vm-clone", task.Type);
        Assert.Equal((null, null), (copy.Lock, _h.Reread(web).Lock));
    }

    [Fact]
    public async Task The_clone_holds_a_create_lock_and_the_source_the_clone_task_while_volumes_are_made()
    {
        var web = _h.Guest("web");
        var gate = _h.Vm.Hold("clone");

        var task = _h.Clones.Clone(new CloneCommand("web", "copy", Linked: false, Snapshot: null, "tester") { Id = 150 });
        await gate.Reached;
        var (source, copy) = (_h.Reread(web), _h.Guests.Find(150)!);
        gate.Open();
        await _h.Succeeded(task);

        Assert.Equal(("vm-clone", task.Id), (source.Lock, source.LockTask));
        Assert.Equal(("copy", "vm-create", task.Id), (copy.Name, copy.Lock, copy.LockTask));
        Assert.Null(_h.Guests.Find(150)!.Lock);
    }

    [Fact]
    public void A_linked_clone_of_a_guest_that_is_not_a_template_is_refused_before_anything_is_made()
    {
        _h.Guest("web");

        var e = Assert.Throws<BadRequestException>(() => Clone("web", "copy", linked: true));

        Assert.StartsWith("A linked clone shares its source's disks, so the source must never change: make web a template first", e.Message, StringComparison.Ordinal);
        Assert.Null(_h.Guests.FindByName("copy"));
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public async Task A_clone_whose_volumes_fail_is_discarded_and_the_source_is_left_untouched_and_free()
    {
        var web = _h.Guest("web", memoryMiB: 640);
        _h.Vm.Fail("clone", new OperationFailedException("No space left in pool local."));

        var error = await _h.Failed(Clone("web", "copy"));

        Assert.Equal("No space left in pool local.", error);
        // The driver was asked to delete the clone, never the source.
        Assert.Equal(["clone web copy", "delete copy"], _h.Vm.Calls);
        var source = Assert.Single(_h.Guests.List());
        Assert.Equal((web.Id, null, web.Config.ToJson()), (source.Id, source.Lock, source.Config.ToJson()));
        Assert.Empty(_h.Links.ClonesOf(web.Id));
    }

    [Fact]
    public async Task A_linked_clone_of_a_template_records_that_it_reads_the_templates_volumes()
    {
        var template = _h.Guest("base", template: true);

        await _h.Succeeded(Clone("base", "copy", linked: true));

        var copy = _h.Guests.FindByName("copy")!;
        Assert.Equal([copy.Id], _h.Links.ClonesOf(template.Id));
        Assert.Equal(["clone base copy linked"], _h.Vm.Calls);
        Assert.False(copy.Template);
    }

    [Fact]
    public async Task A_full_clone_of_a_template_records_no_link()
    {
        var template = _h.Guest("base", template: true);

        await _h.Succeeded(Clone("base", "copy"));

        Assert.Empty(_h.Links.ClonesOf(template.Id));
    }

    [Fact]
    public async Task A_clone_at_a_snapshot_has_the_cpus_and_memory_the_source_had_then()
    {
        var web = _h.Guest("web", cpus: 1, memoryMiB: 512);
        _h.SnapshotStore.Begin(web.Id, "s1", memory: false, null, web.Config);
        _h.SnapshotStore.MakeCurrent(web.Id, "s1");
        _h.Guests.UpdateConfig(web.Id, web.Config with { Cpus = 4, MemoryMiB = 2048 });

        await _h.Succeeded(Clone("web", "copy", snapshot: "s1"));

        var copy = _h.Guests.FindByName("copy")!.Config;
        Assert.Equal((1, 512), (copy.Cpus, copy.MemoryMiB));
        Assert.Equal(["clone web copy at s1"], _h.Vm.Calls);
        Assert.Equal(2048, _h.Reread(web).Config.MemoryMiB);
    }

    [Fact]
    public void A_clone_at_a_snapshot_that_is_missing_or_not_ready_is_refused()
    {
        var web = _h.Guest("web");
        _h.SnapshotStore.Begin(web.Id, "half", memory: false, null, web.Config);

        Assert.Equal("vm web (100) has no snapshot named 'nope'.", Assert.Throws<NotFoundException>(() => Clone("web", "copy", snapshot: "nope")).Message);
        Assert.Equal($"Snapshot half of vm web (100) is not usable (state {SnapshotStates.Creating}).",
            Assert.Throws<ConflictException>(() => Clone("web", "copy", snapshot: "half")).Message);
        Assert.Null(_h.Guests.FindByName("copy"));
    }

    [Fact]
    public async Task A_clone_of_a_busy_source_is_refused_and_its_row_removed()
    {
        _h.Guest("web");
        var gate = _h.Vm.Hold("start");
        var start = _h.Lifecycle.Submit(new Commands.LifecycleCommand("web", GuestKind.Vm, Commands.LifecycleAction.Start, "tester"));
        await gate.Reached;

        var e = Assert.Throws<ConflictException>(() => Clone("web", "copy"));
        gate.Open();
        await _h.Succeeded(start);

        Assert.Contains("vm web (100) is busy", e.Message, StringComparison.Ordinal);
        Assert.Null(_h.Guests.FindByName("copy"));
        Assert.Equal(["start web"], _h.Vm.Calls);
    }

    [Fact]
    public void A_clone_named_like_an_existing_guest_or_badly_is_refused_before_anything_is_made()
    {
        _h.Guest("web");
        _h.Guest("db");

        Assert.Equal("The name 'db' is already used by vm db (101).", Assert.Throws<ConflictException>(() => Clone("web", "db")).Message);
        Assert.Throws<BadRequestException>(() => Clone("web", "Not A Name"));
        Assert.Equal(2, _h.Guests.List().Count);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public async Task A_stopped_guest_becomes_a_template_under_its_lock_and_a_running_one_is_refused()
    {
        var web = _h.Guest("web");
        _h.Guest("db", GuestKind.Ct, running: true);

        var task = _h.Clones.MakeTemplate(new TemplateCommand("web", GuestKind.Vm, "tester"));
        await _h.Succeeded(task);
        var e = Assert.Throws<ConflictException>(() => _h.Clones.MakeTemplate(new TemplateCommand("db", GuestKind.Ct, "tester")));

        Assert.True(_h.Reread(web).Template);
        Assert.Equal("vm-template", task.Type);
        Assert.Equal("ct db (101) is running; stop it before making it a template.", e.Message);
        Assert.Equal("vm web (100) is a template already.",
            Assert.Throws<ConflictException>(() => _h.Clones.MakeTemplate(new TemplateCommand("web", GuestKind.Vm, "tester"))).Message);
    }

    private TaskView Clone(string source, string name, bool linked = false, string? snapshot = null) =>
        _h.Clones.Clone(new CloneCommand(source, name, linked, snapshot, "tester"));
}
