using Carve.SystemTests.Harness;

namespace Carve.SystemTests.Faults;

/// <summary>
/// One task type of the fault-injection matrix: how to bring the daemon to the task's starting point (whatever the
/// previous kill left) and the CLI command that submits the task. The kill points are drawn at random within the time
/// the same task took when it ran to its end once, so kills land early, midway and late inside it.
/// </summary>
internal sealed record FaultCase(string Type, Func<DaemonProcess, int, Task> PrepareAsync, Func<DaemonProcess, int, string[]> Command)
{
    /// <summary>Guests that must still exist after the kill, whatever the task did (not the one it creates or deletes).</summary>
    public IReadOnlyList<string> Keeps { get; init; } = [];

    /// <summary>When set, kills fall within this long after the submission, with no calibration run (a debootstrap takes minutes).</summary>
    public TimeSpan? KillWithin { get; init; }
}

/// <summary>What the kills of one case came to.</summary>
internal sealed record FaultReport(string Type, TimeSpan Duration, int Kills, int Interrupted, int FinishedFirst, IReadOnlyList<string> Violations)
{
    public int Survived => Kills - Violations.Select(v => v.Split(':')[0]).Distinct().Count();

    public override string ToString() =>
        $"{Type} ({Duration.TotalMilliseconds:0} ms): {Kills} kills ({Interrupted} interrupted it, {FinishedFirst} came as it ended), {Survived} survived" +
        (Violations.Count == 0 ? "" : "\n  " + string.Join("\n  ", Violations));
}
