using Spectre.Console;

namespace Carve.Cli.Tasks;

/// <summary>
/// Where a followed task's lines and progress go: plain lines until a progress bar is attached, then above the bar.
/// The events arrive on the thread that reads them while the bar is drawn on another, hence the lock.
/// </summary>
internal sealed class TaskProgressSink(TextWriter plain)
{
    private readonly Lock _lock = new();
    private ProgressTask? _bar;
    private int? _percent;

    public void Log(string line)
    {
        lock (_lock)
        {
            if (_bar is null)
                plain.WriteLine("  " + line);
            else
                AnsiConsole.WriteLine("  " + line);
        }
    }

    public void Progress(int percent)
    {
        lock (_lock)
        {
            _percent = percent;
            if (_bar is not null)
                Show(_bar, percent);
        }
    }

    /// <summary>From now on the bar shows the progress; it stays indeterminate until the task reports a step.</summary>
    public void Attach(ProgressTask bar)
    {
        lock (_lock)
        {
            _bar = bar;
            bar.IsIndeterminate = _percent is null;
            if (_percent is { } percent)
                Show(bar, percent);
        }
    }

    private static void Show(ProgressTask bar, int percent)
    {
        bar.IsIndeterminate = false;
        bar.Value = Math.Clamp(percent, 0, 100);
    }
}
