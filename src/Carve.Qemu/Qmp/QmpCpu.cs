namespace Carve.Qemu.Qmp;

/// <summary>One vCPU from <c>query-cpus-fast</c>.</summary>
/// <param name="ThreadId">The host thread (TID) running this vCPU: what CPU pinning applies affinity to.</param>
public sealed record QmpCpu(int CpuIndex, int ThreadId, string QomPath);
