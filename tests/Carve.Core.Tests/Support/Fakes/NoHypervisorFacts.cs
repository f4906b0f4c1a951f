using Carve.Contracts.Host;
using Carve.Core.HostInfo;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>The QEMU driver's host facts, absent: no unit test probes KVM.</summary>
internal sealed class NoHypervisorFacts : IHypervisorFacts
{
    public string? QemuVersion => null;
    public KvmInfo Kvm => new() { Detail = "not probed in unit tests" };
}
