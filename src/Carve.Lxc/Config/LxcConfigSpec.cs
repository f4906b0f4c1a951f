namespace Carve.Lxc.Config;

/// <summary>Everything that goes into one container's LXC config file; built by the driver, turned into text by <see cref="LxcConfigBuilder"/>.</summary>
public sealed record LxcConfigSpec
{
    /// <summary>The LXC container name (ct-ID); only named in the header comment.</summary>
    public required string Name { get; init; }
    public required string Hostname { get; init; }
    public required string RootfsPath { get; init; }
    public bool Privileged { get; init; }
    public int IdMapStart { get; init; } = 100000;
    public int IdMapCount { get; init; } = 65536;
    public long MemoryLimitBytes { get; init; }
    public int Cpus { get; init; } = 1;
    public IReadOnlyList<LxcBindMount> Mounts { get; init; } = [];
    public IReadOnlyList<LxcNic> Nics { get; init; } = [];
    public required string ConsoleLogPath { get; init; }
    /// <summary>LXC rotates the console log to .1 at this size (a power of two).</summary>
    public long ConsoleLogSizeBytes { get; init; } = 512 * 1024;
    public required string LogPath { get; init; }
    public string LogLevel { get; init; } = "WARN";
    public CgroupVersion Cgroup { get; init; } = CgroupVersion.V1;
    /// <summary>Keep the container out of swap: memory.memsw (v1) or memory.swap.max (v2), only where the host has them.</summary>
    public bool LimitSwap { get; init; }
    /// <summary>"generated" where AppArmor is enabled, "unconfined" where the kernel has none.</summary>
    public string ApparmorProfile { get; init; } = "unconfined";
    public string? SeccompProfile { get; init; }
    /// <summary>The cores the container may run on ("1-3"), leaving out those reserved for the host; null for all.</summary>
    public string? CpusetCpus { get; init; }
}
