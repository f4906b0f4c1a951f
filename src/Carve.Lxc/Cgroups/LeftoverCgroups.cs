namespace Carve.Lxc.Cgroups;

/// <summary>
/// LXC removes a container's cgroups when it stops, except after a failed start, where the monitor cannot remove
/// the group it sits in. Empty ones are removed here; rmdir refuses any group that still has processes.
/// </summary>
public static class LeftoverCgroups
{
    public static int Remove(CgroupLayout layout, string containerName)
    {
        var removed = 0;
        var mounts = layout.V1Mounts.Values.Append(layout.UnifiedMount).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var mount in mounts.Where(Directory.Exists))
            foreach (var dir in Directory.EnumerateDirectories(mount).Where(d => IsGroupOf(Path.GetFileName(d), containerName)))
                removed += RemoveBottomUp(dir);
        return removed;
    }

    /// <summary>lxc.payload.NAME or lxc.monitor.NAME, with the -N suffix LXC adds when the name was taken.</summary>
    public static bool IsGroupOf(string group, string containerName)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["lxc.payload.", "lxc.monitor."])
        {
            if (!group.StartsWith(prefix + containerName, StringComparison.Ordinal))
                continue;
            var suffix = group.AsSpan((prefix + containerName).Length);
            return suffix.IsEmpty || (suffix.Length > 1 && suffix[0] == '-' && !suffix[1..].ContainsAnyExceptInRange('0', '9'));
        }
        return false;
    }

    private static int RemoveBottomUp(string dir)
    {
        var removed = 0;
        try
        {
            foreach (var child in Directory.EnumerateDirectories(dir))
                removed += RemoveBottomUp(child);
            // Non-recursive: rmdir(2), which is how cgroups are removed (their files go with them).
            Directory.Delete(dir, recursive: false);
            return removed + 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return removed;
        }
    }
}
