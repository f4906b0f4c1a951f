using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Tasks;

/// <summary>Waiting for tasks and following their events, live and after the end.</summary>
public sealed class TaskWaitAndFollowTests : IDisposable
{
    private readonly TaskHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task WaitAsync_returns_when_the_task_finishes()
    {
        var gate = new TaskCompletionSource();
        var view = _h.Submit((_, _) => gate.Task);

        var wait = _h.Runner.WaitAsync(view.Id, TaskHarness.Patience, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(wait.IsCompleted, "WaitAsync returned while the task still ran");

        gate.SetResult();
        var done = await wait.WaitAsync(TaskHarness.Patience);
        Assert.Equal(TaskStates.Succeeded, done!.Status);
    }

    [Fact]
    public async Task WaitAsync_gives_up_after_its_timeout_and_returns_the_task_as_it_is()
    {
        var gate = new TaskCompletionSource();
        var view = _h.Submit((_, _) => gate.Task);
        var still = await _h.Runner.WaitAsync(view.Id, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.Equal(TaskStates.Running, still!.Status);
        gate.SetResult();
        await _h.Finished(view.Id);
    }

    [Fact]
    public async Task WaitAsync_on_an_unknown_task_returns_null() =>
        Assert.Null(await _h.Runner.WaitAsync("tnothere", TimeSpan.FromSeconds(1), CancellationToken.None));

    [Fact]
    public async Task Following_a_live_task_yields_its_log_and_progress_then_a_final_status()
    {
        var gate = new TaskCompletionSource();
        var view = _h.Submit(async (t, _) =>
        {
            t.Log("a");
            await gate.Task;
            t.Progress(30);
            t.Log("b");
        });
        await using var events = _h.Runner.FollowAsync(view.Id, CancellationToken.None).GetAsyncEnumerator();

        // The first event comes while the task still waits on the gate: this follower is live.
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(("log", "a"), (events.Current.Kind, events.Current.Text));
        gate.SetResult();

        var rest = await TaskHarness.Collect(events);
        Assert.Equal(["progress", "log", "status"], rest.Select(e => e.Kind));
        Assert.Equal(30, rest[0].Progress);
        Assert.Equal("b", rest[1].Text);
        Assert.Equal(TaskStates.Succeeded, rest[2].Status);
    }

    [Fact]
    public async Task Following_a_live_task_that_fails_ends_with_a_failed_status_and_its_error()
    {
        var gate = new TaskCompletionSource();
        var view = _h.Submit(async (_, _) =>
        {
            await gate.Task;
            throw new ConflictException("Busy.");
        });
        await using var events = _h.Runner.FollowAsync(view.Id, CancellationToken.None).GetAsyncEnumerator();
        var collecting = TaskHarness.Collect(events);
        gate.SetResult();
        var last = (await collecting).Last();
        Assert.Equal(("status", TaskStates.Failed, "Busy."), (last.Kind, last.Status, last.Error));
    }

    [Fact]
    public async Task Following_a_finished_task_replays_its_log_and_ends_with_its_status()
    {
        var view = _h.Submit((t, _) =>
        {
            t.Log("x");
            t.Log("y");
            return Task.CompletedTask;
        });
        await _h.Finished(view.Id);

        var events = await TaskHarness.Collect(_h.Runner.FollowAsync(view.Id, CancellationToken.None).GetAsyncEnumerator());
        Assert.Equal(["log", "log", "status"], events.Select(e => e.Kind));
        Assert.Equal(["x", "y"], events.Take(2).Select(e => e.Text));
        Assert.Equal((TaskStates.Succeeded, 100), (events[2].Status, events[2].Progress));
    }

    [Fact]
    public async Task Following_an_unknown_task_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(async () =>
        {
            await foreach (var _ in _h.Runner.FollowAsync("tnothere", CancellationToken.None))
            {
            }
        });
}
