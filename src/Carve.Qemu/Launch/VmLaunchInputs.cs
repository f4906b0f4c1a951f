using Carve.Qemu.Driver;

namespace Carve.Qemu.Launch;

/// <summary>What a VM's launch needs besides its stored config: facts the driver learned from the host just before.</summary>
public sealed record VmLaunchInputs
{
    /// <summary>"kvm" or "tcg", already resolved from the config's "auto".</summary>
    public required string Accel { get; init; }
    public required QemuPaths Paths { get; init; }
    /// <summary>The path of each volume of the VM (its disks and UEFI variable store), by volume name.</summary>
    public required IReadOnlyDictionary<string, string> VolumePaths { get; init; }
    /// <summary>The format the UEFI variable store's file really has (raw for stores made before qcow2 ones).</summary>
    public string? VarsFormat { get; init; }
    public required string OvmfCode { get; init; }
    /// <summary>The tap of each NIC on a Carve network, by NIC index; the others use user-mode NAT.</summary>
    public IReadOnlyDictionary<int, string> Taps { get; init; } = new Dictionary<int, string>();
    /// <summary>Start with the vCPUs stopped, e.g. to load a RAM snapshot first.</summary>
    public bool StartPaused { get; init; }
}
