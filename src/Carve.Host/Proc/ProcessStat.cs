using System.Globalization;

namespace Carve.Host.Proc;

/// <summary>The fields of /proc/PID/stat that Carve uses.</summary>
public sealed record ProcessStat(int Pid, string Comm, char State, long UserTicks, long SystemTicks, long StartTimeTicks)
{
    public double CpuSeconds => (UserTicks + SystemTicks) / (double)ProcFs.ClockTicksPerSecond;

    public static ProcessStat? Parse(string text)
    {
        // comm may contain spaces and parentheses: it ends at the last ')'.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 > text.Length)
            return null;
        var rest = text[(close + 2)..].Split(' ');
        if (rest.Length < 20)
            return null;
        // rest[0] is field 3 (state); utime is field 14, stime 15, starttime 22.
        return new ProcessStat(
            int.Parse(text[..open].Trim(), CultureInfo.InvariantCulture),
            text[(open + 1)..close],
            rest[0][0],
            long.Parse(rest[11], CultureInfo.InvariantCulture),
            long.Parse(rest[12], CultureInfo.InvariantCulture),
            long.Parse(rest[19], CultureInfo.InvariantCulture));
    }
}
