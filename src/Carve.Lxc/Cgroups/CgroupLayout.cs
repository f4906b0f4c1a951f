using Carve.Lxc.Config;

namespace Carve.Lxc.Cgroups;

/// <summary>
/// Where the cgroup hierarchies are mounted. On a v1 or hybrid host each controller has its own mount
/// (/sys/fs/cgroup/memory); on a v2 host one unified mount holds them all. Which version Carve writes
/// limits for follows the memory controller.
/// </summary>
public sealed record CgroupLayout
{
    public required CgroupVersion Version { get; init; }
    /// <summary>v1 controller name (memory, cpu, cpuacct, ...) to its mount point.</summary>
    public IReadOnlyDictionary<string, string> V1Mounts { get; init; } = new Dictionary<string, string>();
    public string? UnifiedMount { get; init; }

    /// <summary>Reads /proc/self/mounts (or a fixture of the same format).</summary>
    public static CgroupLayout Parse(string procMounts)
    {
        var v1 = new Dictionary<string, string>();
        string? unified = null;
        foreach (var line in procMounts.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length < 4)
                continue;
            var mountPoint = Unescape(fields[1]);
            if (fields[2] == "cgroup2")
                unified ??= mountPoint;
            else if (fields[2] == "cgroup")
                foreach (var option in fields[3].Split(','))
                    v1.TryAdd(option, mountPoint);
        }
        return new CgroupLayout
        {
            Version = v1.ContainsKey("memory") ? CgroupVersion.V1 : CgroupVersion.V2,
            V1Mounts = v1,
            UnifiedMount = unified,
        };
    }

    /// <summary>This host's layout.</summary>
    public static CgroupLayout Detect() => Parse(File.ReadAllText("/proc/self/mounts"));

    /// <summary>A v1 tree with each controller in its own directory under <paramref name="root"/> (fixtures).</summary>
    public static CgroupLayout V1(string root) => new()
    {
        Version = CgroupVersion.V1,
        V1Mounts = new[] { "memory", "cpu", "cpuacct", "pids" }.ToDictionary(c => c, c => Path.Combine(root, c)),
    };

    public static CgroupLayout V2(string root) => new() { Version = CgroupVersion.V2, UnifiedMount = root };

    /// <summary>Mount points in /proc/mounts escape blanks and backslashes as octal (\040).</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
            return field;
        var chars = new List<char>();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && field.AsSpan(i + 1, 3).ToArray().All(c => c is >= '0' and <= '7'))
            {
                chars.Add((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                chars.Add(field[i]);
            }
        }
        return new string(chars.ToArray());
    }
}
