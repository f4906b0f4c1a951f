using System.Globalization;

namespace Carve.Host.Proc;

/// <summary>Reads /proc under a configurable root, so tests can point it at a fixture tree.</summary>
public sealed class ProcFs(string root = "/proc")
{
    /// <summary>Linux reports process times in USER_HZ, which is 100 on every architecture Carve runs on.</summary>
    public const int ClockTicksPerSecond = 100;

    public string Root { get; } = root;

    public bool IsAlive(int pid) => pid > 0 && Directory.Exists(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Alive and not a zombie waiting to be reaped: a zombie has finished all it will ever do.</summary>
    public bool IsRunning(int pid) => IsAlive(pid) && ReadStat(pid)?.State is not (null or 'Z' or 'X');

    /// <summary>
    /// Waits until the process has ended, or the timeout passes (false). Guests' processes are not our children
    /// (they must outlive the daemon), so there is no wait(2): this polls /proc. The usual wait is a few
    /// milliseconds (an LXC monitor exiting after lxc-stop returned), so the polls start 1 ms apart and back off to
    /// 20 ms: a flat 20 ms poll was most of what a container's stop cost beyond lxc-stop.
    /// </summary>
    public async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = 1;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(pause, ct);
            pause = Math.Min(pause * 2, MaxPollMilliseconds);
        }
        return true;
    }

    private const int MaxPollMilliseconds = 20;

    /// <summary>Live processes with an argument that is <paramref name="dir"/> or a path under it (e.g. a cp into it).</summary>
    public IReadOnlyList<int> FindWithArgumentUnder(string dir) =>
        FindLive(pid => ReadCmdline(pid) is { } argv && argv.Any(a => IsAtOrUnder(a, dir)));

    /// <summary>
    /// Live processes that name <paramref name="dir"/> in an argument or run chrooted below it (the dpkg that a
    /// debootstrap into it runs names no path there).
    /// </summary>
    public IReadOnlyList<int> FindWorkingIn(string dir) =>
        FindLive(pid => (ReadCmdline(pid) is { } argv && argv.Any(a => IsAtOrUnder(a, dir)))
            || (ReadRootLink(pid) is { } root && IsAtOrUnder(root, dir)));

    private List<int> FindLive(Func<int, bool> matches)
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories(Root))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && matches(pid)
                && IsRunning(pid))
                found.Add(pid);
        }
        return found;
    }

    private static bool IsAtOrUnder(string path, string dir) => path == dir || path.StartsWith(dir + "/", StringComparison.Ordinal);

    /// <summary>Where the process's / is (readlink /proc/PID/root), or null when it is gone or not ours to read.</summary>
    private string? ReadRootLink(int pid)
    {
        try
        {
            return new FileInfo(Path.Combine(Root, Pid(pid), "root")).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The argv of a process, or null if it is gone.</summary>
    public IReadOnlyList<string>? ReadCmdline(int pid)
    {
        var text = TryRead(Path.Combine(Root, Pid(pid), "cmdline"));
        return text is null ? null : text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    public ProcessStat? ReadStat(int pid)
    {
        var text = TryRead(Path.Combine(Root, Pid(pid), "stat"));
        return text is null ? null : ProcessStat.Parse(text);
    }

    /// <summary>Resident set size in bytes from /proc/PID/status (VmRSS).</summary>
    public long? ReadRssBytes(int pid)
    {
        var text = TryRead(Path.Combine(Root, Pid(pid), "status"));
        var kib = text is null ? null : KeyValueKib(text, "VmRSS:");
        return kib * 1024;
    }

    /// <summary>
    /// Bytes the process made the storage layer read and write (read_bytes, write_bytes of /proc/PID/io): for QEMU,
    /// its guest's disk I/O through the host's page cache. Null when the file cannot be read.
    /// </summary>
    public (long Read, long Write)? ReadIoBytes(int pid)
    {
        var text = TryRead(Path.Combine(Root, Pid(pid), "io"));
        return text is not null && Bytes(text, "read_bytes:") is { } read && Bytes(text, "write_bytes:") is { } write ? (read, write) : null;

        static long? Bytes(string text, string key) =>
            text.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            && long.TryParse(line[key.Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public long BootTimeUnixSeconds()
    {
        var text = TryRead(Path.Combine(Root, "stat")) ?? "";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("btime ", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[6..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>(total, available) memory in bytes from /proc/meminfo.</summary>
    public (long Total, long Available) ReadMemory()
    {
        var text = TryRead(Path.Combine(Root, "meminfo")) ?? "";
        return ((KeyValueKib(text, "MemTotal:") ?? 0) * 1024, (KeyValueKib(text, "MemAvailable:") ?? 0) * 1024);
    }

    public string ReadCpuModel()
    {
        var text = TryRead(Path.Combine(Root, "cpuinfo")) ?? "";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>The 1-minute load average from /proc/loadavg (runnable and waiting tasks), or null.</summary>
    public double? ReadLoadAverage()
    {
        var first = TryRead(Path.Combine(Root, "loadavg"))?.Split(' ', 2)[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>The running kernel's release, as uname -r prints it.</summary>
    public string ReadKernelRelease() => TryRead(Path.Combine(Root, "sys", "kernel", "osrelease"))?.Trim() ?? "unknown";

    /// <summary>When the process started, from its stat start time and the boot time.</summary>
    public DateTimeOffset? ReadStartTime(int pid)
    {
        var stat = ReadStat(pid);
        if (stat is null)
            return null;
        var seconds = BootTimeUnixSeconds() + (stat.StartTimeTicks / (double)ClockTicksPerSecond);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    /// <summary>The thread ids of a process (/proc/PID/task), empty when it is gone.</summary>
    public IReadOnlyList<int> ListThreads(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories(Path.Combine(Root, Pid(pid), "task"))
                .Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var t) ? t : 0).Where(t => t > 0).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Pid(int pid) => pid.ToString(CultureInfo.InvariantCulture);

    private static long? KeyValueKib(string text, string key)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal))
                continue;
            var digits = new string(line[key.Length..].Trim().TakeWhile(char.IsAsciiDigit).ToArray());
            return long.TryParse(digits, CultureInfo.InvariantCulture, out var v) ? v : null;
        }
        return null;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
