using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Client;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Tasks;

/// <summary>Submits a state-changing request, then follows its task (or, with --async, prints its id and returns).</summary>
internal static class TaskRunner
{
    /// <summary>Submits and follows; the outcome holds the finished task (null with --async).</summary>
    public static async Task<TaskOutcome> SubmitAsync(
        CliContext context,
        Func<CarveClient, CancellationToken, Task<TaskAccepted>> submit,
        string label,
        string doneMessage,
        CancellationToken ct) =>
        await SubmitAsync(context, submit, label, doneMessage, fetchTask: true, ct);

    /// <summary>
    /// As <see cref="SubmitAsync(CliContext, Func{CarveClient, CancellationToken, Task{TaskAccepted}}, string, string, CancellationToken)"/>
    /// for commands that only need the exit code (start, stop, ...): without -o json the final event says how the task
    /// ended, so the finished task is not fetched once more.
    /// </summary>
    public static async Task<int> RunAsync(
        CliContext context,
        Func<CarveClient, CancellationToken, Task<TaskAccepted>> submit,
        string label,
        string doneMessage,
        CancellationToken ct) =>
        (await SubmitAsync(context, submit, label, doneMessage, fetchTask: false, ct)).ExitCode;

    public static Task<TaskOutcome> FollowAsync(CliContext context, string taskId, string label, string doneMessage, CancellationToken ct) =>
        FollowAsync(context, taskId, label, doneMessage, fetchTask: true, ct);

    private static async Task<TaskOutcome> SubmitAsync(
        CliContext context,
        Func<CarveClient, CancellationToken, Task<TaskAccepted>> submit,
        string label,
        string doneMessage,
        bool fetchTask,
        CancellationToken ct)
    {
        var accepted = await submit(context.Client, ct);
        if (!context.Async)
            return await FollowAsync(context, accepted.TaskId, label, doneMessage, fetchTask, ct);
        if (context.Json)
            JsonOutput.Write(context.Out, accepted);
        else
            await context.Out.WriteLineAsync(accepted.TaskId);
        return new TaskOutcome(ExitCodes.Success, null);
    }

    private static async Task<TaskOutcome> FollowAsync(
        CliContext context,
        string taskId,
        string label,
        string doneMessage,
        bool fetchTask,
        CancellationToken ct)
    {
        TaskView? task = null;
        TaskEnd end;
        try
        {
            if (context.Json)
            {
                task = await context.Client.WaitTaskAsync(taskId, ct);
                end = new TaskEnd(task.Status, task.Error);
            }
            else
            {
                end = Console.IsOutputRedirected
                    ? await TaskStream.FollowAsync(context.Client, taskId, line => context.Out.WriteLine("  " + line), _ => { }, ct)
                    : await TaskProgressDisplay.RunAsync(context.Client, taskId, label, context.Out, ct);
                if (fetchTask)
                    task = await context.Client.GetTaskAsync(taskId, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"Stopped following task {taskId}; it goes on in carved (see: carve task show {taskId}).");
            return new TaskOutcome(ExitCodes.Interrupted, null);
        }

        if (context.Json)
            JsonOutput.Write(context.Out, task);
        if (end.Status != TaskStates.Succeeded)
        {
            await context.Error.WriteLineAsync("error: " + (string.IsNullOrWhiteSpace(end.Error) ? $"Task {taskId} failed." : end.Error));
            return new TaskOutcome(ExitCodes.Failure, task);
        }
        if (!context.Json)
            await context.Out.WriteLineAsync(doneMessage);
        return new TaskOutcome(ExitCodes.Success, task);
    }
}
