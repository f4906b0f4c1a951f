using System.Text;

namespace Carve.Load;

/// <summary>A load run as plain aligned text: a row per operation, carved's RSS over time, the invariants.</summary>
public static class LoadReport
{
    public static string Format(LoadResult result)
    {
        var o = result.Options;
        var seconds = result.Elapsed.TotalSeconds;
        var text = new StringBuilder();
        Line(text, $"## Load: {o.Writers} writers + {o.Readers} readers over HTTPS on loopback for {o.Duration.TotalSeconds:0} s (ran {seconds:0.0} s, {result.Cycles} full cycles)");
        Line(text, $"{"operation",-12} {"count",7} {"ops/s",7} {"p50 ms",8} {"p99 ms",8} {"409 busy",8} {"4xx",5} {"5xx",5} {"failed",6} {"exc",5}");
        foreach (var op in result.Recorder.Operations)
            Line(text, $"{op.Name,-12} {op.Count,7} {op.Count / seconds,7:0.0} {op.PercentileMs(50),8:0.0} {op.PercentileMs(99),8:0.0} "
                + $"{op.Errors(ErrorKind.Busy),8} {op.Errors(ErrorKind.ClientError),5} {op.Errors(ErrorKind.ServerError),5} "
                + $"{op.Errors(ErrorKind.TaskFailed),6} {op.Errors(ErrorKind.Exception),5}");
        Line(text, "(writes: from the request to the finished task; failed: the task failed; exc: no HTTP answer)");
        foreach (var op in result.Recorder.Operations)
            foreach (var message in op.Messages)
                Line(text, $"  {op.Name}: {message}");
        Line(text, "");
        Line(text, "carved RSS (MiB) over time: " + string.Join(", ", result.Rss.Select(s => $"{s.At.TotalSeconds:0}s {s.MiB:0.0}")));
        Line(text, "");
        Line(text, result.BrokenInvariants.Count == 0
            ? "Invariants: all hold (no load guest left, no lock, no unfinished task, no half snapshot, no orphan volume or LXC dir, no stray or duplicate LXC monitor, keeper untouched, carved answers)."
            : "Invariants BROKEN:\n  " + string.Join("\n  ", result.BrokenInvariants));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.AppendLine(line);
}
