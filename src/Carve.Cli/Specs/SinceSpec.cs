using System.Globalization;
using Carve.Cli.Infrastructure;

namespace Carve.Cli.Specs;

/// <summary>
/// --since: a duration back from now ("30m", "12h", "1d", "2w"; also "45s") or a point in time in ISO 8601
/// ("2026-01-31", "2026-01-31T08:00:00Z"; without an offset, the local time zone).
/// </summary>
internal static class SinceSpec
{
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && Unit(text[^1]) is { } unit && count <= 100_000)
            return now - unit * count;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time) && LooksIso(text))
            return time;
        throw new UsageException($"--since takes a duration such as 30m, 12h, 1d or 2w, or an ISO time such as 2026-01-31T08:00:00Z, not '{text}'.");
    }

    private static TimeSpan? Unit(char c) => c switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        'w' => TimeSpan.FromDays(7),
        _ => null,
    };

    /// <summary>DateTimeOffset.TryParse also takes "1/2/3" and month names: only year-month-day is unambiguous.</summary>
    private static bool LooksIso(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';
}
