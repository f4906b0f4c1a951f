using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Client;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Tasks;

/// <summary>Submits a state-changing request, then follows its task (or, with --async, prints its id and returns).</summary>
internal static class TaskRunner
{
    public static async Task<TaskOutcome> SubmitAsync(
        CliContext context,
        Func<CarveClient, CancellationToken, Task<TaskAccepted>> submit,
        string label,
        string doneMessage,
        CancellationToken ct)
    {
        var accepted = await submit(context.Client, ct);
        if (!context.Async)
            return await FollowAsync(context, accepted.TaskId, label, doneMessage, ct);
        if (context.Json)
            JsonOutput.Write(context.Out, accepted);
        else
            context.Out.WriteLine(accepted.TaskId);
        return new TaskOutcome(ExitCodes.Success, null);
    }

    public static async Task<TaskOutcome> FollowAsync(CliContext context, string taskId, string label, string doneMessage, CancellationToken ct)
    {
        TaskView task;
        try
        {
            task = context.Json ? await context.Client.WaitTaskAsync(taskId, ct)
                : Console.IsOutputRedirected ? await TaskStream.FollowAsync(context.Client, taskId, line => context.Out.WriteLine("  " + line), _ => { }, ct)
                : await TaskProgressDisplay.RunAsync(context.Client, taskId, label, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            context.Error.WriteLine($"Stopped following task {taskId}; it goes on in carved (see: carve task show {taskId}).");
            return new TaskOutcome(ExitCodes.Interrupted, null);
        }

        if (context.Json)
            JsonOutput.Write(context.Out, task);
        if (task.Status != TaskStates.Succeeded)
        {
            context.Error.WriteLine("error: " + (string.IsNullOrWhiteSpace(task.Error) ? $"Task {taskId} failed." : task.Error));
            return new TaskOutcome(ExitCodes.Failure, task);
        }
        if (!context.Json)
            context.Out.WriteLine(doneMessage);
        return new TaskOutcome(ExitCodes.Success, task);
    }
}
