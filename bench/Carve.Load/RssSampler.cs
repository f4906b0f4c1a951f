using System.Diagnostics;
using System.Globalization;

namespace Carve.Load;

/// <summary>carved's resident memory (VmRSS from /proc), sampled every interval while the load runs.</summary>
public sealed class RssSampler(int pid, TimeSpan interval)
{
    private readonly List<RssSample> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    public IReadOnlyList<RssSample> Samples => _samples;

    /// <summary>Samples until <paramref name="stop"/> is cancelled, and once more then, so the series ends with the load.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                Sample();
                await Task.Delay(interval, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Sample();
        }
    }

    private void Sample() => _samples.Add(new RssSample(Stopwatch.GetElapsedTime(_started), ReadMiB(pid)));

    public static double ReadMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
