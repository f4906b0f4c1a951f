namespace Carve.Load;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile: the smallest sample with at least <paramref name="p"/> percent at or below it; 0 for no samples.</summary>
    public static double Of(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
            return 0;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
