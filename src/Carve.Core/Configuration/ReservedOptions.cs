namespace Carve.Core.Configuration;

/// <summary>What the host keeps for itself: `reserved: {memory: "2GiB", cpus: [0]}` in the config file.</summary>
public sealed record ReservedOptions
{
    /// <summary>Memory guests may never take, as a size: 2GiB, 512M, 0.</summary>
    public string Memory { get; set; } = "0";
    /// <summary>Cores no guest runs on: QEMU's threads and containers' cpusets leave them out.</summary>
    public IReadOnlyList<int> Cpus { get; set; } = [];
}
