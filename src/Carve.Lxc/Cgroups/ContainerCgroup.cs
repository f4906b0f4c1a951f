using System.Globalization;
using Carve.Lxc.Config;

namespace Carve.Lxc.Cgroups;

/// <summary>
/// One container's cgroup directories on this host, for reading usage and changing limits while it runs.
/// Every path comes from a <see cref="CgroupLayout"/>, so tests point it at fixture trees.
/// </summary>
public sealed partial class ContainerCgroup
{
    // v1 reports "unlimited" as the page counter's maximum (9223372036854771712 with 4 KiB pages).
    private const long V1Unlimited = 1L << 62;

    private readonly CgroupLayout _layout;

    public ContainerCgroup(CgroupLayout layout, IReadOnlyDictionary<string, string> membership)
    {
        _layout = layout;
        if (layout.Version == CgroupVersion.V1)
        {
            MemoryDir = Dir(layout.V1Mounts, membership, "memory");
            CpuDir = Dir(layout.V1Mounts, membership, "cpu");
            CpuAccountingDir = Dir(layout.V1Mounts, membership, "cpuacct");
        }
        else if (layout.UnifiedMount is not null && membership.TryGetValue(CgroupMembership.Unified, out var path))
        {
            MemoryDir = CpuDir = CpuAccountingDir = Join(layout.UnifiedMount, CgroupMembership.PayloadPath(path));
        }
    }

    public string? MemoryDir { get; }
    public string? CpuDir { get; }
    public string? CpuAccountingDir { get; }

    public CgroupStats Read() => _layout.Version == CgroupVersion.V1
        ? new CgroupStats
        {
            MemoryBytes = ReadLong(MemoryDir, "memory.usage_in_bytes"),
            MemoryLimitBytes = ReadLong(MemoryDir, "memory.limit_in_bytes") is { } limit && limit < V1Unlimited ? limit : null,
            CpuSeconds = ReadLong(CpuAccountingDir, "cpuacct.usage") / 1e9,
            OomKills = ReadKey(MemoryDir, "memory.oom_control", "oom_kill"),
        }
        : new CgroupStats
        {
            MemoryBytes = ReadLong(MemoryDir, "memory.current"),
            MemoryLimitBytes = ReadLong(MemoryDir, "memory.max"),
            CpuSeconds = ReadKey(CpuAccountingDir, "cpu.stat", "usage_usec") / 1e6,
            OomKills = ReadKey(MemoryDir, "memory.events", "oom_kill"),
            DiskReadBytes = IoStat(MemoryDir, "rbytes"),
            DiskWriteBytes = IoStat(MemoryDir, "wbytes"),
        };

    private static string? Dir(IReadOnlyDictionary<string, string> mounts, IReadOnlyDictionary<string, string> membership, string controller) =>
        mounts.TryGetValue(controller, out var mount) && membership.TryGetValue(controller, out var path)
            ? Join(mount, CgroupMembership.PayloadPath(path))
            : null;

    private static string Join(string mount, string path) => Path.Join(mount, path.TrimStart('/'));

    private static long? ReadLong(string? dir, string file)
    {
        var text = TryRead(dir, file)?.Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A "key value" line of a flat-keyed file such as memory.events or cpu.stat.</summary>
    private static long? ReadKey(string? dir, string file, string key)
    {
        foreach (var line in (TryRead(dir, file) ?? "").Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return value;
        }
        return null;
    }

    /// <summary>A key of io.stat ("8:0 rbytes=1024 wbytes=0 ..." per device), summed over the devices; null without the file.</summary>
    private static long? IoStat(string? dir, string key)
    {
        if (TryRead(dir, "io.stat") is not { } text)
            return null;
        long total = 0;
        foreach (var field in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (field.StartsWith(key + "=", StringComparison.Ordinal)
                && long.TryParse(field.AsSpan(key.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                total += value;
        }
        return total;
    }

    private static string? TryRead(string? dir, string file)
    {
        if (dir is null)
            return null;
        try
        {
            return File.ReadAllText(Path.Combine(dir, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
