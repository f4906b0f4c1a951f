namespace Carve.Lxc.Cgroups;

/// <summary>The cgroup paths of one process, from /proc/PID/cgroup.</summary>
public static class CgroupMembership
{
    /// <summary>The key of the v2 (unified) line, "0::/path".</summary>
    public const string Unified = "";

    private const string PayloadPrefix = "lxc.payload.";

    /// <summary>Controller (or <see cref="Unified"/>) to path; each v1 line may name several controllers ("cpu,cpuacct").</summary>
    public static IReadOnlyDictionary<string, string> Parse(string procPidCgroup)
    {
        var paths = new Dictionary<string, string>();
        foreach (var line in procPidCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var first = line.IndexOf(':', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf(':', first + 1);
            if (second < 0)
                continue;
            var controllers = line[(first + 1)..second];
            var path = line[(second + 1)..];
            if (controllers.Length == 0)
                paths[Unified] = path;
            else
                foreach (var controller in controllers.Split(','))
                    paths[controller] = path;
        }
        return paths;
    }

    /// <summary>
    /// The container's own cgroup: a systemd init moves itself into a child (…/lxc.payload.ct-100/init.scope),
    /// but usage and limits belong to the lxc.payload.* group that holds the whole container.
    /// </summary>
    public static string PayloadPath(string path)
    {
        var parts = path.Split('/');
        var payload = Array.FindIndex(parts, p => p.StartsWith(PayloadPrefix, StringComparison.Ordinal));
        return payload < 0 ? path : string.Join('/', parts[..(payload + 1)]);
    }
}
