using Carve.Contracts.Host;

namespace Carve.Core.HostInfo;

/// <summary>What the VM driver knows about the host: the QEMU version and whether KVM really works.</summary>
public interface IHypervisorFacts
{
    string? QemuVersion { get; }
    KvmInfo Kvm { get; }
}
