namespace Carve.Core.Drivers;

public sealed record GuestRuntime
{
    public required string Status { get; init; }
    public int? Pid { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public double? CpuSeconds { get; init; }
    public long? MemoryRssBytes { get; init; }
    /// <summary>For containers: the cgroup memory limit and how often the OOM killer struck inside it.</summary>
    public long? MemoryLimitBytes { get; init; }
    public long? OomKills { get; init; }
    /// <summary>Bytes the guest has read from and written to disk since it started (QEMU's /proc/PID/io, a container's io.stat).</summary>
    public long? DiskReadBytes { get; init; }
    public long? DiskWriteBytes { get; init; }
    public string? MonitorStatus { get; init; }
    public string? Accel { get; init; }
    public string? AccelNote { get; init; }
    /// <summary>The config the running guest was started with, to tell which changes wait for the next start.</summary>
    public string? AppliedConfigJson { get; init; }

    public Guests.GuestConfig? AppliedConfig => AppliedConfigJson is null ? null : Guests.GuestConfig.FromJson(AppliedConfigJson);

    public bool IsRunning => Pid is not null;

    public long? UptimeSeconds => StartedAt is { } s ? (long)(DateTimeOffset.UtcNow - s).TotalSeconds : null;
}
