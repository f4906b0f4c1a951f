using Carve.Client;
using Carve.Contracts.Tasks;
using Spectre.Console;

namespace Carve.Cli.Tasks;

/// <summary>
/// A task followed on a terminal: its log lines as they come and, once it has run for a moment, a progress bar.
/// Most starts and stops end within the delay and never pay for setting up the live display (some 25-40 ms).
/// </summary>
internal static class TaskProgressDisplay
{
    private static readonly TimeSpan BarDelay = TimeSpan.FromMilliseconds(250);

    public static async Task<TaskEnd> RunAsync(CarveClient client, string taskId, string label, TextWriter output, CancellationToken ct)
    {
        var sink = new TaskProgressSink(output);
        // Reading the events blocks the reading thread, so they are read beside this one, which draws the bar.
        var follow = Task.Run(() => TaskStream.FollowAsync(client, taskId, sink.Log, sink.Progress, ct), CancellationToken.None);
        if (await Task.WhenAny(follow, Task.Delay(BarDelay, CancellationToken.None)) == follow)
            return await follow;

        TaskEnd? final = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask(Markup.Escape(label), autoStart: true, maxValue: 100);
                sink.Attach(bar);
                try
                {
                    final = await follow;
                    if (final.Status == TaskStates.Succeeded)
                        sink.Progress(100);
                }
                finally
                {
                    bar.StopTask();
                }
            });
        return final ?? throw new InvalidOperationException("The progress display ended without a task.");
    }
}
