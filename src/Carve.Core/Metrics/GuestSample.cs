namespace Carve.Core.Metrics;

/// <summary>
/// One guest at one moment, from files that cost almost nothing to read (/proc, its cgroup, its NICs' counters in
/// sysfs). Counters are totals since the guest started; null where the source has no figure (a stopped guest).
/// </summary>
public sealed record GuestSample(
    string Name, int Id, string Kind, bool Running, double? CpuSeconds, long? MemoryBytes, long MemoryLimitBytes,
    long? NetworkReceiveBytes, long? NetworkTransmitBytes, long? DiskReadBytes = null, long? DiskWriteBytes = null);
