namespace Carve.Contracts.Host;

/// <summary>The result of the KVM probe that runs once per daemon start.</summary>
public sealed record KvmInfo
{
    public bool DevicePresent { get; init; }
    /// <summary>True when a tiny guest really ran to completion under KVM; null while the probe runs.</summary>
    public bool? Usable { get; init; }
    /// <summary>What "auto" acceleration resolves to: kvm or tcg (null while probing).</summary>
    public string? AutoAccel { get; init; }
    public required string Detail { get; init; }
}
