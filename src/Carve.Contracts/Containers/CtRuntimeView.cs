namespace Carve.Contracts.Containers;

/// <summary>Live state read from the container's cgroup and LXC.</summary>
public sealed record CtRuntimeView
{
    public int? InitPid { get; init; }
    public long? UptimeSeconds { get; init; }
    public double? CpuSeconds { get; init; }
    public long? MemoryBytes { get; init; }
    public long? MemoryLimitBytes { get; init; }
    /// <summary>How many times the kernel's OOM killer has killed a process of this container.</summary>
    public long? OomKills { get; init; }
}
