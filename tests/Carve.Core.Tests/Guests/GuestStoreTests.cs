using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Guests;

public sealed class GuestStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly GuestStore _guests;

    public GuestStoreTests() => _guests = new GuestStore(_db.Db);

    public void Dispose() => _db.Dispose();

    private GuestRecord Insert(string name, int? id = null, string task = "t-create") =>
        _guests.Insert(name, id, GuestKind.Vm, _ => Config("u"), task);

    private static GuestConfig Config(string uuid) => new GuestConfig { Cpus = 2 }.WithSpecOf(new { uuid });

    [Fact]
    public void Insert_stores_the_guest_holding_its_create_lock()
    {
        var inserted = Insert("web", task: "t1");
        var stored = _guests.Find(inserted.Id)!;
        Assert.Equal(("web", GuestKind.Vm, 2, "u"), (stored.Name, stored.Kind, stored.Config.Cpus, stored.Config.Specific!["uuid"].GetString()));
        Assert.Equal(("vm-create", "t1"), (stored.Lock, stored.LockTask));
        Assert.Equal(inserted.Lock, stored.Lock);
        Assert.False(stored.Template);
    }

    [Fact]
    public void Only_guests_that_restart_on_crash_are_listed_for_the_crash_watch_and_never_templates()
    {
        GuestConfig With(string? restart) => Config("u") with { Boot = new BootPolicy { OnBoot = true, Restart = restart } };
        _guests.Insert("plain", null, GuestKind.Vm, _ => Config("u"), "t1");
        _guests.Insert("no", null, GuestKind.Vm, _ => With(RestartPolicies.No), "t2");
        var watched = _guests.Insert("watched", null, GuestKind.Ct, _ => With(RestartPolicies.OnCrash), "t3");
        var template = _guests.Insert("tmpl", null, GuestKind.Vm, _ => With(RestartPolicies.OnCrash), "t4");
        using (var c = _db.Db.Open())
            Carve.Core.State.Database.Execute(c, "UPDATE guests SET template = 1 WHERE id = $id", ("$id", template.Id));

        Assert.Equal([watched.Id], _guests.ListRestartingOnCrash().Select(g => g.Id));
    }

    [Fact]
    public void The_first_id_is_100_and_the_next_ones_count_up()
    {
        Assert.Equal(100, Insert("a").Id);
        Assert.Equal(101, Insert("b").Id);
        Assert.Equal(102, Insert("c").Id);
    }

    [Fact]
    public void The_next_id_follows_the_highest_one_even_a_requested_one()
    {
        Insert("a");
        Assert.Equal(500, Insert("b", 500).Id);
        Assert.Equal(501, Insert("c").Id);
    }

    [Fact]
    public void A_requested_id_is_used()
    {
        var guest = Insert("web", 4242);
        Assert.Equal(4242, guest.Id);
        Assert.Equal("web", _guests.Find(4242)!.Name);
    }

    [Fact]
    public void A_taken_name_is_a_409_conflict_naming_the_holder()
    {
        Insert("web");
        var e = Assert.Throws<ConflictException>(() => Insert("web"));
        Assert.Equal(409, e.Status);
        Assert.Contains("vm web (100)", e.Message);
        Assert.Single(_guests.List());
    }

    [Fact]
    public void A_taken_id_is_a_409_conflict()
    {
        Insert("web", 200);
        var e = Assert.Throws<ConflictException>(() => Insert("db", 200));
        Assert.Equal(409, e.Status);
        Assert.Contains("200", e.Message);
        Assert.Null(_guests.FindByName("db"));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Ids_below_100_are_refused(int id)
    {
        var e = Assert.Throws<BadRequestException>(() => Insert("web", id));
        Assert.Equal(400, e.Status);
        Assert.Empty(_guests.List());
    }

    [Fact]
    public void Resolve_finds_a_guest_by_name_or_by_id()
    {
        Insert("web", 123);
        Assert.Equal(123, _guests.Resolve("web").Id);
        Assert.Equal("web", _guests.Resolve("123").Name);
        Assert.Throws<NotFoundException>(() => _guests.Resolve("nope"));
        Assert.Throws<NotFoundException>(() => _guests.Resolve("124"));
    }

    [Fact]
    public void Acquiring_a_held_lock_is_a_conflict_that_names_the_holding_task()
    {
        var guest = Insert("web", task: "tcreate42");
        var e = Assert.Throws<ConflictException>(() => _guests.AcquireLock(guest.Id, "vm-start", "tstart"));
        Assert.Equal(409, e.Status);
        Assert.Contains("tcreate42", e.Message);
        Assert.Contains("vm-create", e.Message);
        Assert.Contains("web", e.Message);
        Assert.Equal("tcreate42", _guests.Find(guest.Id)!.LockTask);
    }

    [Fact]
    public void Only_the_holding_task_releases_the_lock()
    {
        var guest = Insert("web", task: "tholder");

        _guests.ReleaseLock(guest.Id, "tother");
        Assert.Equal("tholder", _guests.Find(guest.Id)!.LockTask);

        _guests.ReleaseLock(guest.Id, "tholder");
        var free = _guests.Find(guest.Id)!;
        Assert.Null(free.Lock);
        Assert.Null(free.LockTask);
    }

    [Fact]
    public void A_released_lock_can_be_taken_by_another_task()
    {
        var guest = Insert("web", task: "t1");
        _guests.ReleaseLock(guest.Id, "t1");
        _guests.AcquireLock(guest.Id, "vm-start", "t2");
        var held = _guests.Find(guest.Id)!;
        Assert.Equal(("vm-start", "t2"), (held.Lock, held.LockTask));
        Assert.Throws<ConflictException>(() => _guests.AcquireLock(guest.Id, "vm-stop", "t3"));
    }

    [Fact]
    public void Acquiring_the_lock_of_a_missing_guest_is_not_found() =>
        Assert.Throws<NotFoundException>(() => _guests.AcquireLock(999, "vm-start", "t"));

    [Fact]
    public void Concurrent_inserts_get_distinct_ids()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 20, i => ids.Add(Insert($"g{i}").Id));
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public void Delete_removes_the_row()
    {
        var guest = Insert("web");
        _guests.Delete(guest.Id);
        Assert.Null(_guests.Find(guest.Id));
        Assert.Empty(_guests.List());
    }

    [Fact]
    public void UpdateConfig_replaces_the_config_with_its_kind_specific_part()
    {
        var guest = Insert("web");
        _guests.UpdateConfig(guest.Id, Config("v") with { Cpus = 3 });
        var stored = _guests.Find(guest.Id)!.Config;
        Assert.Equal((3, "v"), (stored.Cpus, stored.Specific!["uuid"].GetString()));
    }

    [Fact]
    public void The_kind_is_stored_by_name_and_a_guest_of_another_kind_is_not_found_as_this_one()
    {
        var ct = _guests.Insert("box", null, GuestKind.Ct, _ => new GuestConfig(), "t");
        Assert.Equal(GuestKind.Ct, _guests.Find(ct.Id)!.Kind);
        Assert.Equal("'box' is a container, not a VM.", Assert.Throws<NotFoundException>(() => _guests.ResolveKind("box", GuestKind.Vm)).Message);
    }
}
