using System.Globalization;

namespace Carve.Bench;

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double p) => Carve.Load.Percentiles.Of(samples, p);

    public static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Summary(IReadOnlyList<double> samples) =>
        $"median {Ms(Percentile(samples, 50))}, p90 {Ms(Percentile(samples, 90))}, min {Ms(samples.Min())} (n={samples.Count})";
}
