using Carve.Client;
using Carve.Client.Errors;
using Carve.Client.Tasks;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Tasks;

/// <summary>Follows a task's events to the end, handing log lines and progress to the caller; returns how it ended.</summary>
internal static class TaskStream
{
    private static readonly TimeSpan PollSlice = TimeSpan.FromSeconds(2);

    public static async Task<TaskEnd> FollowAsync(
        CarveClient client,
        string taskId,
        Action<string> onLog,
        Action<int> onProgress,
        CancellationToken ct)
    {
        var linesShown = 0;
        TaskEvent? final = null;
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
                if (TaskEventReader.IsFinal(taskEvent))
                    final = taskEvent;
            }
        }
        catch (CarveException) when (final is null)
        {
            // The stream broke or is not offered; polling below still gets the task to its end.
        }
        // The final event carries the task's status and error as carved stored them.
        return final is { Status: { } status }
            ? new TaskEnd(status, final.Error)
            : await PollAsync(client, taskId, linesShown, onLog, onProgress, ct);
    }

    /// <summary>The fallback: the wait endpoint in short slices, showing log lines the stream did not.</summary>
    private static async Task<TaskEnd> PollAsync(
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
                return new TaskEnd(task.Status, task.Error);
        }
    }
}
