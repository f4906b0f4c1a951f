namespace Carve.Core.Tasks;

/// <summary>A task that ended: its type, how it ended (succeeded, failed...) and how long it ran.</summary>
public sealed record TaskEnding(string Type, string Status, TimeSpan Duration);

/// <summary>
/// Tells listeners (the Prometheus exporter) of each task's end, as it ends. A listener runs on the task's thread
/// and must be quick; one that throws is not the task's failure.
/// </summary>
public sealed class TaskEndings
{
    public event Action<TaskEnding>? Ended;

    internal void Publish(TaskEnding ending)
    {
        try
        {
            Ended?.Invoke(ending);
        }
#pragma warning disable CA1031 // a listener's bug must not turn a finished task into a failed one
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
