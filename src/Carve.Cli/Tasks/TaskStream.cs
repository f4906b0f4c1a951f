using Carve.Client;
using Carve.Client.Errors;
using Carve.Client.Tasks;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Tasks;

/// <summary>Follows a task's events to the end, handing log lines and progress to the caller; returns the finished task.</summary>
internal static class TaskStream
{
    private static readonly TimeSpan PollSlice = TimeSpan.FromSeconds(2);

    public static async Task<TaskView> FollowAsync(
        CarveClient client,
        string taskId,
        Action<string> onLog,
        Action<int> onProgress,
        CancellationToken ct)
    {
        var linesShown = 0;
        var finished = false;
        try
        {
            await foreach (var taskEvent in client.FollowTaskAsync(taskId, ct))
            {
                if (taskEvent.Kind == "log" && taskEvent.Text is { } text)
                {
                    onLog(text);
                    linesShown++;
                }
                else if (taskEvent.Kind == "progress")
                    onProgress(taskEvent.Progress);
                finished |= TaskEventReader.IsFinal(taskEvent);
            }
        }
        catch (CarveException) when (!finished)
        {
            // The stream broke or is not offered; polling below still gets the task to its end.
        }
        return finished
            ? await client.GetTaskAsync(taskId, ct)
            : await PollAsync(client, taskId, linesShown, onLog, onProgress, ct);
    }

    /// <summary>The fallback: the wait endpoint in short slices, showing log lines the stream did not.</summary>
    private static async Task<TaskView> PollAsync(
        CarveClient client,
        string taskId,
        int linesShown,
        Action<string> onLog,
        Action<int> onProgress,
        CancellationToken ct)
    {
        while (true)
        {
            var task = await client.WaitTaskOnceAsync(taskId, PollSlice, ct);
            var log = task.Log ?? [];
            for (; linesShown < log.Count; linesShown++)
                onLog(log[linesShown].Text);
            onProgress(task.Progress);
            if (TaskStates.IsFinished(task.Status))
                return task.Log is null ? await client.GetTaskAsync(taskId, ct) : task;
        }
    }
}
