using System.Threading.Channels;
using Carve.Contracts.Tasks;

namespace Carve.Core.Tasks;

/// <summary>A task that is still running in this daemon: its log sequence and the followers of its events.</summary>
internal sealed class LiveTask(string id)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<TaskEvent>> _followers = [];
    private readonly List<TaskEvent> _history = [];
    private bool _ended;

    public string Id { get; } = id;
    /// <summary>When the task was submitted (Stopwatch ticks), for its duration.</summary>
    public long Began { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    private int _seq;

    /// <summary>Log lines may come from several threads (tool output callbacks): number them atomically.</summary>
    public int TakeSeq() => Interlocked.Increment(ref _seq) - 1;
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Publish(TaskEvent e)
    {
        lock (_gate)
        {
            _history.Add(e);
            foreach (var f in _followers)
                f.Writer.TryWrite(e);
            if (e.Kind == "status" && TaskStates.IsFinished(e.Status ?? ""))
            {
                // Set under the lock, so a follower arriving now is closed at once and never waits forever.
                _ended = true;
                foreach (var f in _followers)
                    f.Writer.TryComplete();
            }
        }
    }

    /// <summary>A follower sees everything published so far, then what comes next.</summary>
    public ChannelReader<TaskEvent> Follow()
    {
        var channel = Channel.CreateUnbounded<TaskEvent>();
        lock (_gate)
        {
            foreach (var e in _history)
                channel.Writer.TryWrite(e);
            if (_ended)
                channel.Writer.TryComplete();
            else
                _followers.Add(channel);
        }
        return channel.Reader;
    }
}
