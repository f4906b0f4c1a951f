using Carve.Contracts.Host;
using Carve.Core.Storage;
using Carve.Host.Proc;

namespace Carve.Core.HostInfo;

public sealed class HostInspector(ProcFs proc, StoragePools pools, IHypervisorFacts hypervisor, Resources.ResourceLedger resources)
{
    public Contracts.Host.HostInfo Describe()
    {
        var (total, available) = proc.ReadMemory();
        return new Contracts.Host.HostInfo
        {
            Hostname = Environment.MachineName,
            Kernel = proc.ReadKernelRelease(),
            CpuModel = proc.ReadCpuModel(),
            CpuCount = Environment.ProcessorCount,
            LoadAverage = proc.ReadLoadAverage(),
            MemoryTotalBytes = total,
            MemoryAvailableBytes = available,
            QemuVersion = hypervisor.QemuVersion,
            Kvm = hypervisor.Kvm,
            Pools = pools.Describe(),
            Resources = resources.Usage(),
            CarveVersion = typeof(HostInspector).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        };
    }
}
