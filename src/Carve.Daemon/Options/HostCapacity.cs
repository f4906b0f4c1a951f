using Carve.Host.Proc;

namespace Carve.Daemon.Options;

/// <summary>What this host has, against which the config's reservation is checked.</summary>
public sealed record HostCapacity(int Cpus, long MemoryBytes)
{
    public static HostCapacity ReadCurrent() => new(Environment.ProcessorCount, new ProcFs().ReadMemory().Total);
}
