using Carve.Contracts.Guests;

namespace Carve.Load;

/// <summary>The LXC monitor processes of one daemon's lxcpath, found by the title each gives itself in /proc.</summary>
internal static class LxcMonitors
{
    /// <summary>A monitor for a container that is gone or stopped, two for one container, or none for a running one.</summary>
    public static IEnumerable<string> FindWrong(string lxcPath, IReadOnlyList<GuestSummary> guests)
    {
        var running = guests.Where(g => g.Type == GuestKind.Ct && g.Status == "running").Select(g => $"ct-{g.Id}").ToHashSet();
        var prefix = $"[lxc monitor] {lxcPath} ";
        var monitors = Titles().Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t[prefix.Length..])
            .GroupBy(name => name).ToList();
        foreach (var monitor in monitors)
        {
            if (!running.Contains(monitor.Key))
                yield return $"An LXC monitor for {monitor.Key} runs, and that container is not running in carved.";
            else if (monitor.Count() > 1)
                yield return $"{monitor.Count()} LXC monitors run for {monitor.Key}.";
        }
        foreach (var name in running.Except(monitors.Select(m => m.Key)))
            yield return $"{name} runs in carved, and no LXC monitor runs for it.";
    }

    private static IEnumerable<string> Titles()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (IOException)
            {
                continue; // the process ended while listed
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            yield return cmdline.TrimEnd('\0');
        }
    }
}
