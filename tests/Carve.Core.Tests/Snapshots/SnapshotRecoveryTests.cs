using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;
using Carve.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Core.Tests.Snapshots;

/// <summary>
/// What start-up recovery does with each state a dead daemon can leave a snapshot in, on a real SQLite file;
/// the driver is a recorder, since what it does to volumes is tested against real QEMU and LXC elsewhere.
/// </summary>
public sealed class SnapshotRecoveryTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly SnapshotStore _store;
    private readonly GuestStore _guests;
    private readonly RecordingSnapshots _driver = new();
    private readonly int _guest;

    public SnapshotRecoveryTests()
    {
        _store = new SnapshotStore(_db.Db);
        _guests = new GuestStore(_db.Db);
        _guest = _guests.Insert("web", null, Contracts.Guests.GuestKind.Vm, _ => new GuestConfig(), "t1").Id;
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_half_made_snapshot_is_dropped_from_the_volumes_and_the_tree()
    {
        Ready("base");
        _store.Begin(_guest, "half", memory: true, null, null);

        await RecoverAsync();

        Assert.Equal(["delete half"], _driver.Calls);
        Assert.Equal(["base"], _store.List(_guest).Select(s => s.Name));
        Assert.True(_store.Find(_guest, "base")!.Current);
    }

    [Fact]
    public async Task A_half_deleted_snapshot_is_deleted_the_rest_of_the_way()
    {
        Ready("a");
        Ready("b");
        _store.SetState(_guest, "a", SnapshotStates.Deleting);

        await RecoverAsync();

        Assert.Equal(["delete a"], _driver.Calls);
        var b = Assert.Single(_store.List(_guest));
        Assert.Null(b.Parent);
    }

    [Fact]
    public async Task An_interrupted_rollback_is_finished_on_the_disks_without_RAM_and_made_current()
    {
        Ready("a", memory: true);
        Ready("b");
        _store.SetState(_guest, "a", SnapshotStates.RollingBack);

        await RecoverAsync();

        Assert.Equal(["rollback a memory=False"], _driver.Calls);
        Assert.True(_store.Find(_guest, "a")!.Current);
        Assert.All(_store.List(_guest), s => Assert.Equal(SnapshotStates.Ready, s.State));
    }

    [Fact]
    public async Task A_driver_failure_leaves_the_snapshot_unsettled_for_the_next_start()
    {
        _store.Begin(_guest, "half", false, null, null);
        _driver.Fail = true;

        await RecoverAsync();

        Assert.Equal(SnapshotStates.Creating, _store.Find(_guest, "half")!.State);
    }

    private Task RecoverAsync() =>
        new SnapshotRecovery(_guests, _store, new Support.Fakes.FakeKinds().Add(Contracts.Guests.GuestKind.Vm, Support.Fakes.FakeDefinition.Vm(), _driver).Build(), NullLogger<SnapshotRecovery>.Instance).RunAsync(CancellationToken.None);

    private void Ready(string name, bool memory = false)
    {
        _store.Begin(_guest, name, memory, null, null);
        _store.MakeCurrent(_guest, name);
    }

    private sealed class RecordingSnapshots : IGuestSnapshots
    {
        public List<string> Calls { get; } = [];
        public bool Fail { get; set; }

        public Task CreateSnapshotAsync(GuestRecord guest, string name, bool memory, ITaskContext task, CancellationToken ct) =>
            throw new InvalidOperationException("recovery never creates");

        public Task RollbackSnapshotAsync(GuestRecord guest, SnapshotRecord snapshot, ITaskContext task, CancellationToken ct) =>
            Record($"rollback {snapshot.Name} memory={snapshot.Memory}");

        public Task DeleteSnapshotAsync(GuestRecord guest, string name, ITaskContext task, CancellationToken ct) => Record($"delete {name}");

        public Task<bool> CloneVolumesAsync(GuestRecord source, GuestRecord clone, bool linked, string? snapshot, ITaskContext task, CancellationToken ct) =>
            throw new InvalidOperationException("recovery never clones");

        private Task Record(string call)
        {
            if (Fail)
                throw new Errors.OperationFailedException("the volume is gone");
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }
}
