using Carve.Contracts.Host;
using Carve.Core.Errors;
using Carve.Core.HostInfo;
using Carve.Qemu.Probe;

namespace Carve.Qemu.Driver;

/// <summary>
/// Probes KVM once per daemon start, in the background, and resolves "auto" from the result.
/// Nested KVM that never makes progress is common in clouds, so /dev/kvm alone proves nothing.
/// </summary>
public sealed class AccelerationService(KvmProbe probe, string? qemuVersion) : IHypervisorFacts
{
    private Task<KvmProbeResult>? _probe;

    public string? QemuVersion { get; } = qemuVersion;

    public KvmInfo Kvm
    {
        get
        {
            var probe = _probe;
            if (probe is null || !probe.IsCompletedSuccessfully)
                return new KvmInfo { DevicePresent = File.Exists("/dev/kvm"), Detail = "The KVM probe is still running." };
            var r = probe.GetAwaiter().GetResult(); // completed: no blocking
            return new KvmInfo { DevicePresent = r.DevicePresent, Usable = r.Usable, AutoAccel = r.Usable ? "kvm" : "tcg", Detail = r.Detail };
        }
    }

    public void StartProbe() => _probe ??= probe.ProbeAsync(CancellationToken.None);

    /// <summary>The accel to start with, and a sentence on why.</summary>
    public async Task<(string Accel, string Note)> ResolveAsync(string requested, CancellationToken ct)
    {
        StartProbe();
        var result = await _probe!.WaitAsync(ct);
        return requested switch
        {
            "tcg" => ("tcg", "TCG was asked for."),
            "kvm" when result.Usable => ("kvm", "KVM was asked for."),
            "kvm" => throw new ConflictException($"This VM asks for KVM, but KVM is not usable here: {result.Detail} Set its acceleration to auto or tcg."),
            _ when result.Usable => ("kvm", "auto: KVM is usable."),
            _ => ("tcg", $"auto: using TCG (software emulation) because {LowerFirst(result.Detail)}"),
        };
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
