namespace Carve.Core.Metrics;

/// <summary>The host at one moment: memory from /proc/meminfo, the 1-minute load average, its CPUs.</summary>
public sealed record HostSample(long MemoryTotalBytes, long MemoryAvailableBytes, double? Load1, int Cpus);
