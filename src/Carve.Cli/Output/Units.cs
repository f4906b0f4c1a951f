using System.Globalization;

namespace Carve.Cli.Output;

/// <summary>Sizes, durations and times as people read them.</summary>
internal static class Units
{
    private static readonly string[] ByteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(long? bytes)
    {
        if (bytes is not { } value)
            return "-";
        double scaled = value;
        var unit = 0;
        while (Math.Abs(scaled) >= 1024 && unit < ByteUnits.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }
        return unit == 0 ? $"{value} B" : scaled.ToString("0.#", CultureInfo.InvariantCulture) + " " + ByteUnits[unit];
    }

    public static string MiB(int mib) => Bytes((long)mib << 20);

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span.TotalDays >= 1)
            return $"{(int)span.TotalDays}d {span.Hours}h";
        if (span.TotalHours >= 1)
            return $"{span.Hours}h {span.Minutes:00}m";
        if (span.TotalMinutes >= 1)
            return $"{span.Minutes}m {span.Seconds:00}s";
        return span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>CPU time consumed, to a tenth of a second: "12.3s".</summary>
    public static string? CpuTime(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + "s" : null;

    public static string Seconds(long? seconds) => seconds is { } s ? Duration(TimeSpan.FromSeconds(s)) : "-";

    public static string Time(DateTimeOffset? time) =>
        time is { } t && t != default ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";
}
