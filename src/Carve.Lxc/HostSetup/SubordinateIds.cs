using System.Globalization;
using Carve.Host.Processes;

namespace Carve.Lxc.HostSetup;

/// <summary>
/// Where the shadow tools are installed (package uidmap), LXC maps ids through newuidmap/newgidmap, which only
/// allow ranges that /etc/subuid and /etc/subgid delegate, even to root. Carve delegates its containers' range to
/// root the way Proxmox does (root:100000:65536).
/// </summary>
public sealed class SubordinateIds(string subuidPath = "/etc/subuid", string subgidPath = "/etc/subgid")
{
    private readonly Lock _lock = new();

    /// <returns>The files it had to extend (empty when the range was already delegated or no newuidmap is installed).</returns>
    public IReadOnlyList<string> EnsureDelegated(int start, int count, bool onlyWithShadowTools = true)
    {
        if (onlyWithShadowTools && ExecutableLookup.Find("newuidmap") is null)
            return [];
        var changed = new List<string>();
        lock (_lock)
        {
            foreach (var path in new[] { subuidPath, subgidPath })
                if (EnsureIn(path, start, count))
                    changed.Add(path);
        }
        return changed;
    }

    public static bool Covers(string content, int start, int count) =>
        content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(line =>
        {
            var parts = line.Split(':');
            return parts.Length == 3 && parts[0] is "root" or "0"
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                && s <= start && start + (long)count <= s + c;
        });

    private static bool EnsureIn(string path, int start, int count)
    {
        var content = File.Exists(path) ? File.ReadAllText(path) : "";
        if (Covers(content, start, count))
            return false;
        var line = $"root:{start}:{count}\n";
        File.AppendAllText(path, content.Length == 0 || content.EndsWith('\n') ? line : "\n" + line);
        return true;
    }
}
