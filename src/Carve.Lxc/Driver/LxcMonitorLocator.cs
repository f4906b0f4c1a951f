using System.Globalization;
using Carve.Host.Proc;

namespace Carve.Lxc.Driver;

/// <summary>
/// Finds a container's processes from /proc alone, so that listing hundreds of guests spawns nothing: the monitor
/// from the pid file (checked against its title, so a reused pid is never taken for it), init as its child.
/// </summary>
public sealed class LxcMonitorLocator(ProcFs proc)
{
    public LxcProcesses? Find(LxcPaths paths)
    {
        var monitor = ReadPid(paths.MonitorPidFile);
        if (monitor is null || !IsMonitorOf(monitor.Value, paths))
            return null;
        return new LxcProcesses(monitor.Value, FirstChild(monitor.Value));
    }

    /// <summary>Every monitor of this lxcpath by container name, from one pass over /proc (recovery when a pid file is gone).</summary>
    public IReadOnlyDictionary<string, int> ScanMonitors(string lxcPath)
    {
        var prefix = $"[lxc monitor] {lxcPath} ";
        var found = new Dictionary<string, int>();
        foreach (var dir in Directory.EnumerateDirectories(proc.Root))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            var title = Title(pid);
            if (title is not null && title.StartsWith(prefix, StringComparison.Ordinal) && IsAlive(pid))
                found.TryAdd(title[prefix.Length..], pid);
        }
        return found;
    }

    public bool IsAlive(int pid) => proc.IsRunning(pid);

    private bool IsMonitorOf(int pid, LxcPaths paths) => Title(pid) == paths.MonitorTitle && IsAlive(pid);

    private string? Title(int pid)
    {
        var argv = proc.ReadCmdline(pid);
        return argv is null ? null : string.Join(' ', argv).TrimEnd();
    }

    private int? FirstChild(int pid)
    {
        var text = TryRead(Path.Combine(proc.Root, Pid(pid), "task", Pid(pid), "children"));
        var first = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var child) && IsAlive(child) ? child : null;
    }

    private static int? ReadPid(string path)
    {
        var text = TryRead(path)?.Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }

    private static string Pid(int pid) => pid.ToString(CultureInfo.InvariantCulture);

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
