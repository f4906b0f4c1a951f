namespace Carve.Lxc.Cgroups;

/// <summary>What a container's cgroup says about it; null where the host does not account it.</summary>
public sealed record CgroupStats
{
    public long? MemoryBytes { get; init; }
    /// <summary>Null when unlimited.</summary>
    public long? MemoryLimitBytes { get; init; }
    public double? CpuSeconds { get; init; }
    /// <summary>Processes the kernel's OOM killer killed in this cgroup.</summary>
    public long? OomKills { get; init; }
    /// <summary>Bytes read from and written to block devices (cgroup v2's io.stat, summed over devices); null on v1.</summary>
    public long? DiskReadBytes { get; init; }
    public long? DiskWriteBytes { get; init; }
}
