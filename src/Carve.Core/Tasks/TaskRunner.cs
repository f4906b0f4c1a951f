using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Microsoft.Extensions.Logging;

namespace Carve.Core.Tasks;

/// <summary>
/// Runs operations as tasks: one at a time per guest (the guest's lock), persisted with their log and
/// progress, and followable while they run.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification =
    "A process-lifetime singleton: tasks still running after the daemon's CancelAll read _stopping.Token when they " +
    "start, and a disposed source would throw there, before the task's finally can release the guest's lock. With no " +
    "timer and no wait handle the source holds nothing that disposing would free.")]
public sealed partial class TaskRunner(TaskStore store, GuestStore guests, ILogger<TaskRunner> logger, TaskEndings? endings = null)
{
    private readonly ConcurrentDictionary<string, LiveTask> _live = new();
    private readonly CancellationTokenSource _stopping = new();

    public static string NewTaskId() => "t" + Guid.NewGuid().ToString("N")[..15];

    /// <summary>Takes the guest's lock (or answers 409), records the task and starts it in the background.</summary>
    public TaskView Submit(TaskRequest request)
    {
        var id = request.TaskId ?? NewTaskId();
        if (request.Guest is { } guest && !request.LockHeld)
            guests.AcquireLock(guest.Id, request.Type, id);
        var view = new TaskView
        {
            Id = id, Type = request.Type, User = request.User, Status = TaskStates.Running,
            GuestId = request.Guest?.Id, Guest = request.Guest?.Name, CreatedAt = DateTimeOffset.UtcNow,
        };
        var live = new LiveTask(id);
        _live[id] = live;
        try
        {
            store.Insert(view, Durable(request));
        }
        catch
        {
            _live.TryRemove(id, out _);
            if (request.Guest is { } g)
                guests.ReleaseLock(g.Id, id, Durable(request));
            throw;
        }
        _ = Task.Run(() => RunAsync(request, live));
        return view;
    }

    public TaskView? Find(string id) => store.Find(id, withLog: true);

    public IReadOnlyList<TaskView> List(int limit = 100, int? guestId = null) => store.List(limit, guestId);

    /// <summary>Waits until the task ends or the timeout passes, then returns it as it is.</summary>
    public async Task<TaskView?> WaitAsync(string id, TimeSpan timeout, CancellationToken ct)
    {
        if (_live.TryGetValue(id, out var live))
        {
            try
            {
                await live.Finished.Task.WaitAsync(timeout, ct);
            }
            catch (TimeoutException)
            {
            }
        }
        return Find(id);
    }

    /// <summary>The task's events: its log and progress so far and as they come, ending with its final status.</summary>
    public async IAsyncEnumerable<TaskEvent> FollowAsync(string id, [EnumeratorCancellation] CancellationToken ct)
    {
        if (_live.TryGetValue(id, out var live))
        {
            await foreach (var e in live.Follow().ReadAllAsync(ct))
                yield return e;
            yield break;
        }
        var task = Find(id) ?? throw new NotFoundException($"There is no task '{id}'.");
        foreach (var line in task.Log ?? [])
            yield return new TaskEvent { Kind = "log", Text = line.Text, Time = line.Time };
        yield return new TaskEvent
        {
            Kind = "status", Status = task.Status, Error = task.Error, Progress = task.Progress,
            Time = task.FinishedAt ?? task.CreatedAt,
        };
    }

    /// <summary>
    /// Whether the task's own rows (its record, its end, its guest's lock) wait for the disk. Not for a start, a stop or
    /// a snapshot: after a power cut recovery only releases such a lock and marks the task interrupted, and the work's
    /// own state changes (a config, a snapshot's row) are durable writes of their own. Those waits were most of what a
    /// container's start cost beyond lxc-start (docs/benchmarks.md). A create or a delete stays durable throughout, and
    /// so does any task that came holding its guest's lock (a create or an import, whose lock is the guest's
    /// "-create" one whatever the task's type): a lost release of that lock would make recovery remove a finished guest.
    /// </summary>
    public static bool Durable(TaskRequest request) =>
        request.Guest is null || request.LockHeld || GuestLocks.RecoverySettles(request.Type);

    /// <summary>Asks running tasks to stop; used when the daemon shuts down.</summary>
    public void CancelAll() => _stopping.Cancel();

    private async Task RunAsync(TaskRequest request, LiveTask live)
    {
        var context = new TaskContext(live, store);
        string status = TaskStates.Succeeded;
        string? error = null;
        try
        {
            await request.Work(context, _stopping.Token);
        }
#pragma warning disable CA1031 // the task's boundary: whatever its work throws becomes its failed status, never a lost exception
        catch (Exception thrown)
#pragma warning restore CA1031
        {
            status = TaskStates.Failed;
            var e = State.DatabaseFault.Explain(thrown) ?? thrown;
            // Anyone who may read tasks reads this: a bug's exception text (paths, internals) stays in the daemon's log.
            error = e is CarveException or OperationCanceledException or Host.Processes.ProgramNotStartedException
                ? e.Message
                : $"Internal error (a bug in carved): its log has the details under task {live.Id}.";
            if (thrown is not (CarveException or Host.Processes.ProgramNotStartedException))
                LogTaskCrashed(live.Id, thrown);
            context.Log("error: " + error);
            await UndoAsync(request, context);
        }
        finally
        {
            End(request, live, status, error);
        }
    }

    private void End(TaskRequest request, LiveTask live, string status, string? error)
    {
        var now = DateTimeOffset.UtcNow;
        try
        {
            // The lock goes with the end, before it is announced, so a client that waited can act on the guest at once.
            store.MarkFinished(live.Id, status, error, now, Durable(request), request.Guest?.Id);
        }
        finally
        {
            // Even when the database refused the end (full, read-only): no follower waits on this task forever.
            live.Publish(new TaskEvent { Kind = "status", Status = status, Error = error, Progress = status == TaskStates.Succeeded ? 100 : 0, Time = now });
            live.Finished.TrySetResult();
            _live.TryRemove(live.Id, out _);
            endings?.Publish(new TaskEnding(request.Type, status, Stopwatch.GetElapsedTime(live.Began)));
        }
    }

    private async Task UndoAsync(TaskRequest request, ITaskContext context)
    {
        if (request.OnFailure is null)
            return;
        try
        {
            await request.OnFailure(context);
        }
#pragma warning disable CA1031 // the cleanup's boundary: its failure is logged beside the task's own, which stays the one reported
        catch (Exception undo)
#pragma warning restore CA1031
        {
            context.Log("cleanup after the failure also failed: " + undo.Message);
            LogTaskCrashed(context.TaskId, undo);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} failed unexpectedly")]
    private partial void LogTaskCrashed(string taskId, Exception exception);
}
