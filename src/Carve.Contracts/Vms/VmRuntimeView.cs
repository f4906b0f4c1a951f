namespace Carve.Contracts.Vms;

/// <summary>What the running QEMU process says about itself. Null fields are unknown while stopped.</summary>
public sealed record VmRuntimeView
{
    public int? Pid { get; init; }
    public long? UptimeSeconds { get; init; }
    /// <summary>QMP query-status: running, paused, shutdown, ... or null when QMP did not answer.</summary>
    public string? QmpStatus { get; init; }
    public double? CpuSeconds { get; init; }
    public long? MemoryRssBytes { get; init; }
    /// <summary>The acceleration QEMU really uses: kvm or tcg.</summary>
    public string? Accel { get; init; }
    /// <summary>Why auto chose what it did, e.g. "KVM probe timed out; using TCG".</summary>
    public string? AccelNote { get; init; }
}
