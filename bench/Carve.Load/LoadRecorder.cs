using System.Collections.Concurrent;
using System.Diagnostics;
using Carve.Client.Errors;

namespace Carve.Load;

/// <summary>Times API calls and sorts their failures into <see cref="ErrorKind"/>s, per operation.</summary>
public sealed class LoadRecorder
{
    private readonly ConcurrentDictionary<string, OperationStats> _operations = new();

    public IEnumerable<OperationStats> Operations => _operations.Values.OrderBy(o => o.Name, StringComparer.Ordinal);

    public OperationStats For(string operation) => _operations.GetOrAdd(operation, name => new OperationStats(name));

    public int Total(ErrorKind kind) => _operations.Values.Sum(o => o.Errors(kind));

    /// <summary>Runs <paramref name="call"/> and records its latency, or its failure; returns how it failed, or null.</summary>
    public async Task<ErrorKind?> TimeAsync(string operation, Func<Task> call)
    {
        var stats = For(operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        // carved's answers and the transport's failures are results to count; anything else is a bug here, and stops the run.
        catch (Exception e) when (e is CarveException or TaskFailedException or HttpRequestException or IOException)
        {
            var kind = Classify(e);
            stats.Failed(kind, $"{e.GetType().Name}: {e.Message}");
            return kind;
        }
        stats.Succeeded(Stopwatch.GetElapsedTime(started));
        return null;
    }

    public static ErrorKind Classify(Exception e) => e switch
    {
        // Only a guest held by another task is the expected conflict; any other 409 (e.g. "already running") is a wrong state.
        CarveApiException { Status: 409 } api when api.Detail.Contains("is busy", StringComparison.Ordinal) => ErrorKind.Busy,
        CarveApiException { Status: >= 500 } => ErrorKind.ServerError,
        CarveApiException => ErrorKind.ClientError,
        TaskFailedException => ErrorKind.TaskFailed,
        _ => ErrorKind.Exception,
    };
}
