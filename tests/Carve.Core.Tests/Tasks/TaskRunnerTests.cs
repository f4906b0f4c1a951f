using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Tasks;

/// <summary>Running tasks: persisted results, the guest lock, failures and their undo.</summary>
public sealed class TaskRunnerTests : IDisposable
{
    private readonly TaskHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_task_that_succeeds_is_persisted_with_its_log_and_progress()
    {
        var gate = new TaskCompletionSource();
        var view = _h.Submit(async (t, _) =>
        {
            t.Log("one");
            t.Progress(42);
            await gate.Task;
            t.Log("two");
        });
        Assert.Equal(TaskStates.Running, view.Status);

        // While it runs, the store already has the progress and the first line.
        await WaitUntil(() => _h.Store.Find(view.Id, withLog: true)!.Progress == 42);
        var running = _h.Store.Find(view.Id, withLog: true)!;
        Assert.Equal(TaskStates.Running, running.Status);
        Assert.Equal(["one"], running.Log!.Select(l => l.Text));

        gate.SetResult();
        var done = await _h.Finished(view.Id);
        Assert.Equal(TaskStates.Succeeded, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.Null(done.Error);
        Assert.NotNull(done.FinishedAt);
        Assert.Equal(("test-op", "tester"), (done.Type, done.User));

        // A fresh store on the same file sees the same: it is on disk, not in memory.
        var reread = new TaskStore(new Core.State.Database(_h.Db.Path)).Find(view.Id, withLog: true)!;
        Assert.Equal(TaskStates.Succeeded, reread.Status);
        Assert.Equal(["one", "two"], reread.Log!.Select(l => l.Text));
    }

    [Fact]
    public async Task A_task_on_a_guest_holds_its_lock_while_it_runs_and_releases_it_after()
    {
        var guest = _h.FreeGuest();
        var gate = new TaskCompletionSource();
        var view = _h.Submit((_, _) => gate.Task, guest);

        var held = _h.Guests.Find(guest.Id)!;
        Assert.Equal(("test-op", view.Id), (held.Lock, held.LockTask));
        Assert.Equal((guest.Id, "web"), (view.GuestId, view.Guest));

        gate.SetResult();
        await _h.Finished(view.Id);
        Assert.Null(_h.Guests.Find(guest.Id)!.Lock);
    }

    [Fact]
    public async Task A_failing_task_records_the_error_runs_OnFailure_under_the_lock_and_releases_the_lock()
    {
        var guest = _h.FreeGuest();
        string? lockDuringUndo = null;
        var view = _h.Submit(
            (t, _) =>
            {
                t.Log("working");
                throw new BadRequestException("The image is broken.");
            },
            guest,
            t =>
            {
                lockDuringUndo = _h.Guests.Find(guest.Id)!.LockTask;
                t.Log("undone");
                return Task.CompletedTask;
            });

        var done = await _h.Finished(view.Id);
        Assert.Equal(TaskStates.Failed, done.Status);
        Assert.Equal("The image is broken.", done.Error);
        Assert.Equal(["working", "error: The image is broken.", "undone"], done.Log!.Select(l => l.Text));
        Assert.Equal(view.Id, lockDuringUndo);
        Assert.Null(_h.Guests.Find(guest.Id)!.Lock);
    }

    [Fact]
    public async Task An_unexpected_exception_is_reported_as_an_internal_error_without_its_text()
    {
        var view = _h.Submit((_, _) => throw new InvalidOperationException("secret /etc/path"));
        var done = await _h.Finished(view.Id);
        Assert.Equal(TaskStates.Failed, done.Status);
        Assert.Equal($"Internal error (a bug in carved): its log has the details under task {view.Id}.", done.Error);
        Assert.DoesNotContain(done.Log!, l => l.Text.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_OnFailure_is_logged_and_the_lock_is_still_released()
    {
        var guest = _h.FreeGuest();
        var view = _h.Submit((_, _) => throw new BadRequestException("first"), guest, _ => throw new IOException("second"));
        var done = await _h.Finished(view.Id);
        Assert.Equal("first", done.Error);
        Assert.Contains(done.Log!, l => l.Text.Contains("second", StringComparison.Ordinal));
        Assert.Null(_h.Guests.Find(guest.Id)!.Lock);
    }

    [Fact]
    public async Task A_second_submit_on_a_locked_guest_is_a_409_while_the_first_runs()
    {
        var guest = _h.FreeGuest();
        var gate = new TaskCompletionSource();
        var first = _h.Submit((_, _) => gate.Task, guest);
        var ran = false;

        var e = Assert.Throws<ConflictException>(() => _h.Submit((_, _) => { ran = true; return Task.CompletedTask; }, guest));
        Assert.Equal(409, e.Status);
        Assert.Contains(first.Id, e.Message);
        Assert.Single(_h.Runner.List());

        gate.SetResult();
        await _h.Finished(first.Id);
        Assert.False(ran);

        // Once the first is done the guest is free again.
        var second = _h.Submit((_, _) => Task.CompletedTask, guest);
        Assert.Equal(TaskStates.Succeeded, (await _h.Finished(second.Id)).Status);
    }

    [Fact]
    public async Task Tasks_without_a_guest_run_side_by_side()
    {
        var gate = new TaskCompletionSource();
        var a = _h.Submit((_, _) => gate.Task);
        var b = _h.Submit((_, _) => gate.Task);
        gate.SetResult();
        Assert.Equal(TaskStates.Succeeded, (await _h.Finished(a.Id)).Status);
        Assert.Equal(TaskStates.Succeeded, (await _h.Finished(b.Id)).Status);
    }

    [Fact]
    public async Task List_returns_tasks_newest_first_and_filters_by_guest()
    {
        var guest = _h.FreeGuest();
        var first = _h.Submit((_, _) => Task.CompletedTask);
        await _h.Finished(first.Id);
        await Task.Delay(20);
        var second = _h.Submit((_, _) => Task.CompletedTask, guest);
        await _h.Finished(second.Id);

        Assert.Equal([second.Id, first.Id], _h.Runner.List().Select(t => t.Id));
        Assert.Equal([second.Id], _h.Runner.List(guestId: guest.Id).Select(t => t.Id));
        Assert.Single(_h.Runner.List(limit: 1));
    }

    [Fact]
    public async Task CancelAll_cancels_the_token_that_running_work_was_given()
    {
        var view = _h.Submit((_, ct) => Task.Delay(Timeout.Infinite, ct));
        _h.Runner.CancelAll();
        var done = await _h.Finished(view.Id);
        Assert.Equal(TaskStates.Failed, done.Status);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TaskHarness.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
