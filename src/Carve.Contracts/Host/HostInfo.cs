namespace Carve.Contracts.Host;

public sealed record HostInfo
{
    public required string Hostname { get; init; }
    public required string Kernel { get; init; }
    public required string CpuModel { get; init; }
    public int CpuCount { get; init; }
    /// <summary>The 1-minute load average: compare with <see cref="CpuCount"/> for how busy the CPUs are.</summary>
    public double? LoadAverage { get; init; }
    public long MemoryTotalBytes { get; init; }
    public long MemoryAvailableBytes { get; init; }
    public string? QemuVersion { get; init; }
    public required KvmInfo Kvm { get; init; }
    public IReadOnlyList<PoolView> Pools { get; set; } = [];
    public string CarveVersion { get; set; } = "";
    /// <summary>The reservation, what running guests hold and what is free.</summary>
    public ResourceUsage? Resources { get; init; }
}
