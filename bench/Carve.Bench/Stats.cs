using System.Globalization;

namespace Carve.Bench;

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Summary(IReadOnlyList<double> samples) =>
        $"median {Ms(Percentile(samples, 50))}, p90 {Ms(Percentile(samples, 90))}, min {Ms(samples.Min())} (n={samples.Count})";
}
