using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Snapshots;

/// <summary>The snapshot tree on a real SQLite file: parents, the current snapshot, and removal that keeps the tree whole.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly SnapshotStore _store;
    private readonly int _guest;

    public SnapshotStoreTests()
    {
        _store = new SnapshotStore(_db.Db);
        var guests = new GuestStore(_db.Db);
        _guest = guests.Insert("web", null, Contracts.Guests.GuestKind.Vm, _ => new Carve.Core.Guests.GuestConfig(), "t1").Id;
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_new_snapshot_hangs_under_the_current_one_and_is_not_ready_until_made_current()
    {
        Take("a");
        var b = _store.Begin(_guest, "b", memory: true, "with RAM", new Carve.Core.Guests.GuestConfig { Cpus = 2, MemoryMiB = 256 });

        Assert.Equal(("a", SnapshotStates.Creating, true), (b.Parent, b.State, b.Memory));
        Assert.Single(_store.Unsettled());
        _store.MakeCurrent(_guest, "b");
        var list = _store.List(_guest);
        Assert.Equal(["a", "b"], list.Select(s => s.Name));
        Assert.Equal([false, true], list.Select(s => s.Current));
        Assert.All(list, s => Assert.Equal(SnapshotStates.Ready, s.State));
        Assert.Equal("with RAM", list[1].Description);
        Assert.Equal((2, 256), (list[1].Config!.Cpus, list[1].Config!.MemoryMiB));
        Assert.Null(list[0].Config);
        Assert.Empty(_store.Unsettled());
    }

    [Fact]
    public void Removing_a_middle_snapshot_reparents_its_children_and_passes_on_current()
    {
        Take("a");
        Take("b");
        Take("c");
        _store.MakeCurrent(_guest, "b");

        _store.Remove(_guest, "b");

        var list = _store.List(_guest).ToDictionary(s => s.Name);
        Assert.Equal("a", list["c"].Parent);
        Assert.True(list["a"].Current);
        Assert.False(list["c"].Current);
        _store.Remove(_guest, "a");
        Assert.Null(_store.Find(_guest, "c")!.Parent);
    }

    [Fact]
    public void A_name_is_taken_once_per_guest()
    {
        Take("a");
        Assert.Throws<ConflictException>(() => _store.Begin(_guest, "a", false, null, null));
        // The failed insert left no transaction open: the store still writes.
        Take("b");
        Assert.Equal(2, _store.List(_guest).Count);
    }

    [Theory]
    [InlineData("before-upgrade")]
    [InlineData("v1.2_rc")]
    [InlineData("2024-01-01")]
    public void Good_names_pass(string name) => Assert.Equal(name, SnapshotNames.Validate(name));

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("a,b")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("x\ny")]
    [InlineData(null)]
    public void Bad_names_are_a_400(string? name) => Assert.Throws<BadRequestException>(() => SnapshotNames.Validate(name));

    [Fact]
    public void Descriptions_refuse_control_characters() =>
        Assert.Throws<BadRequestException>(() => SnapshotNames.Description("one\ntwo"));

    private void Take(string name)
    {
        _store.Begin(_guest, name, false, null, null);
        _store.MakeCurrent(_guest, name);
    }
}
