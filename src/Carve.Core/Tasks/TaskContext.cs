using Carve.Contracts.Tasks;

namespace Carve.Core.Tasks;

internal sealed class TaskContext(LiveTask live, TaskStore store) : ITaskContext
{
    private int _lastProgress = -1;

    public string TaskId => live.Id;

    public void Log(string text)
    {
        var line = new TaskLogLine(DateTimeOffset.UtcNow, text);
        store.AppendLog(live.Id, live.TakeSeq(), line);
        live.Publish(new TaskEvent { Kind = "log", Text = text, Time = line.Time });
    }

    public void Progress(int percent)
    {
        percent = Math.Clamp(percent, 0, 100);
        // Progress arrives many times a second from qemu-img; persist and publish only changes.
        if (percent == Interlocked.Exchange(ref _lastProgress, percent))
            return;
        store.SetProgress(live.Id, percent);
        live.Publish(new TaskEvent { Kind = "progress", Progress = percent, Time = DateTimeOffset.UtcNow });
    }
}
