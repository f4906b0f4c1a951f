using Carve.Client;
using Carve.Contracts.Tasks;
using Spectre.Console;

namespace Carve.Cli.Tasks;

/// <summary>A progress bar for a terminal, with the task's log lines printed above it as they come.</summary>
internal static class TaskProgressDisplay
{
    public static async Task<TaskView> RunAsync(CarveClient client, string taskId, string label, CancellationToken ct)
    {
        TaskView? final = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask(Markup.Escape(label), autoStart: true, maxValue: 100);
                // Indeterminate until the task reports a step, so a task without steps does not sit at 0%.
                bar.IsIndeterminate = true;
                final = await TaskStream.FollowAsync(
                    client,
                    taskId,
                    line => AnsiConsole.WriteLine("  " + line),
                    percent =>
                    {
                        bar.IsIndeterminate = false;
                        bar.Value = Math.Clamp(percent, 0, 100);
                    },
                    ct);
                if (final.Status == TaskStates.Succeeded)
                {
                    bar.IsIndeterminate = false;
                    bar.Value = 100;
                }
                bar.StopTask();
            });
        return final ?? throw new InvalidOperationException("The progress display ended without a task.");
    }
}
