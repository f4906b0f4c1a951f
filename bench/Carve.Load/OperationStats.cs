namespace Carve.Load;

/// <summary>The latencies and errors of one kind of operation, from every client at once.</summary>
public sealed class OperationStats(string name)
{
    private const int KeptMessages = 5;
    private readonly Lock _gate = new();
    private readonly List<double> _latenciesMs = [];
    private readonly Dictionary<ErrorKind, int> _errors = [];
    private readonly List<string> _messages = [];

    public string Name { get; } = name;

    public void Succeeded(TimeSpan latency)
    {
        lock (_gate)
            _latenciesMs.Add(latency.TotalMilliseconds);
    }

    public void Failed(ErrorKind kind, string message)
    {
        lock (_gate)
        {
            _errors[kind] = Errors(kind) + 1;
            // The first few distinct messages say what went wrong; the counts say how often.
            if (kind != ErrorKind.Busy && _messages.Count < KeptMessages && !_messages.Contains(message))
                _messages.Add(message);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _latenciesMs.Count;
        }
    }

    public int Errors(ErrorKind kind)
    {
        lock (_gate)
            return _errors.GetValueOrDefault(kind);
    }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate)
                return [.. _messages];
        }
    }

    /// <summary>The latency under which <paramref name="p"/> percent of the successful operations finished; 0 when none did.</summary>
    public double PercentileMs(double p)
    {
        lock (_gate)
            return Percentiles.Of(_latenciesMs, p);
    }
}
