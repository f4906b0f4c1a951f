namespace Carve.Qemu.Probe;

/// <summary>What <see cref="KvmProbe"/> found.</summary>
/// <param name="DevicePresent">The KVM device node exists.</param>
/// <param name="Usable">A guest ran to completion under the probed accelerator.</param>
/// <param name="Detail">One sentence for users, e.g. "KVM works (probe guest finished in 85 ms)".</param>
public sealed record KvmProbeResult(bool DevicePresent, bool Usable, string Detail)
{
    /// <summary>How long the probe guest ran; null when none was started.</summary>
    public TimeSpan? Elapsed { get; init; }
}
