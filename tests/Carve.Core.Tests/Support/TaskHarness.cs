using Carve.Contracts.Tasks;
using Carve.Core.Guests;
using Carve.Core.State;
using Carve.Core.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Core.Tests.Support;

/// <summary>A TaskRunner on a real SQLite file, with helpers to submit work and wait for it.</summary>
internal sealed class TaskHarness : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TestDatabase _db = new();

    public TaskHarness()
    {
        Store = new TaskStore(_db.Db);
        Guests = new GuestStore(_db.Db);
        Runner = new TaskRunner(Store, Guests, NullLogger<TaskRunner>.Instance);
    }

    public Database Db => _db.Db;
    public TaskStore Store { get; }
    public GuestStore Guests { get; }
    public TaskRunner Runner { get; }

    public void Dispose() => _db.Dispose();

    /// <summary>A guest that exists and holds no lock.</summary>
    public GuestRecord FreeGuest(string name = "web")
    {
        var guest = Guests.Insert(name, null, Contracts.Guests.GuestKind.Vm, _ => new GuestConfig(), "tsetup");
        Guests.ReleaseLock(guest.Id, "tsetup");
        return Guests.Find(guest.Id)!;
    }

    public TaskView Submit(Func<ITaskContext, CancellationToken, Task> work, GuestRecord? guest = null, Func<ITaskContext, Task>? onFailure = null) =>
        Runner.Submit(new TaskRequest { Type = "test-op", User = "tester", Guest = guest, Work = work, OnFailure = onFailure });

    /// <summary>Waits for the task to end and returns it as stored.</summary>
    public async Task<TaskView> Finished(string id)
    {
        var task = await Runner.WaitAsync(id, Patience, CancellationToken.None);
        Assert.NotNull(task);
        Assert.True(TaskStates.IsFinished(task.Status), $"task {id} is still {task.Status}");
        return task;
    }

    /// <summary>Reads events until the stream ends, failing if it does not end in time.</summary>
    public static async Task<List<TaskEvent>> Collect(IAsyncEnumerator<TaskEvent> events)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var list = new List<TaskEvent>();
        while (await events.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
            list.Add(events.Current);
        return list;
    }
}
