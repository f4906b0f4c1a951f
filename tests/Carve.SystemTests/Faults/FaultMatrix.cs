using System.Diagnostics;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests.Faults;

/// <summary>Submits each case's task, kills carved with SIGKILL at a random point inside it, restarts it and checks the invariants.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification =
    "Kill points come from the test's seeded generator so that a failing run can be replayed.")]
internal static class FaultMatrix
{
    /// <summary>Kills per task type: 3 in the suite; CARVE_FAULT_KILLS asks for more (docs/reliability.md has a longer run).</summary>
    public static int KillsPerType =>
        int.TryParse(Environment.GetEnvironmentVariable("CARVE_FAULT_KILLS"), out var n) && n > 0 ? n : 3;

    public static async Task<FaultReport> RunAsync(DaemonProcess d, FaultCase fault, Random random)
    {
        var violations = new List<string>();
        var (interrupted, finishedFirst) = (0, 0);
        var duration = fault.KillWithin ?? await CalibrateAsync(d, fault);
        for (var kill = 1; kill <= KillsPerType; kill++)
        {
            await fault.PrepareAsync(d, kill);
            var submitted = await d.CarveAsync([.. fault.Command(d, kill), "--async"]);
            submitted.EnsureSuccess();
            var taskId = submitted.Stdout.Trim();
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds));
            await d.KillHardAsync();
            await d.LaunchAsync();

            var task = Json.Parse(await d.CarveAsync("task", "show", taskId, "-o", "json"));
            var status = task.GetProperty("status").GetString();
            if (status == "failed")
            {
                interrupted++;
                if (!task.TryGetProperty("error", out var error) || string.IsNullOrWhiteSpace(error.GetString()))
                    violations.Add($"kill {kill}: task {taskId} failed without a reason");
            }
            else if (status == "succeeded")
            {
                finishedFirst++;
            }
            else
            {
                violations.Add($"kill {kill}: task {taskId} is still '{status}' after the restart");
            }
            violations.AddRange((await Invariants.CheckAsync(d, fault.Keeps)).Select(v => $"kill {kill}: {v}"));
        }
        return new FaultReport(fault.Type, duration, KillsPerType, interrupted, finishedFirst, violations);
    }

    /// <summary>The task once to its end, undisturbed: how long it takes from its submission (and that it works at all).</summary>
    private static async Task<TimeSpan> CalibrateAsync(DaemonProcess d, FaultCase fault)
    {
        await fault.PrepareAsync(d, 0);
        var submitted = (await d.CarveAsync([.. fault.Command(d, 0), "--async"])).EnsureSuccess();
        var started = Stopwatch.GetTimestamp();
        (await d.CarveAsync("task", "wait", submitted.Stdout.Trim())).EnsureSuccess();
        return Stopwatch.GetElapsedTime(started);
    }
}
