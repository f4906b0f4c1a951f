using System.Globalization;
using Carve.Core.Errors;
using Carve.Lxc.Config;

namespace Carve.Lxc.Cgroups;

public sealed partial class ContainerCgroup
{
    private const long CfsPeriodMicroseconds = 100_000;

    /// <summary>Changes the memory limit of the running container (and keeps it out of swap where the host can).</summary>
    public void SetMemoryLimit(long bytes)
    {
        var dir = MemoryDir ?? throw new OperationFailedException("The container's memory cgroup was not found.");
        var value = bytes.ToString(CultureInfo.InvariantCulture);
        if (_layout.Version == CgroupVersion.V2)
        {
            Write(dir, "memory.max", value);
            if (File.Exists(Path.Combine(dir, "memory.swap.max")))
                Write(dir, "memory.swap.max", "0");
            return;
        }
        // memsw may never be below the memory limit: raise memsw first when growing, lower it last when shrinking.
        var memsw = File.Exists(Path.Combine(dir, "memory.memsw.limit_in_bytes"));
        var current = ReadLong(dir, "memory.limit_in_bytes") ?? 0;
        if (memsw && bytes > current)
            Write(dir, "memory.memsw.limit_in_bytes", value);
        Write(dir, "memory.limit_in_bytes", value);
        if (memsw && bytes <= current)
            Write(dir, "memory.memsw.limit_in_bytes", value);
    }

    /// <summary>Caps CPU time at <paramref name="cpus"/> CPUs' worth per period.</summary>
    public void SetCpuLimit(int cpus)
    {
        var dir = CpuDir ?? throw new OperationFailedException("The container's cpu cgroup was not found.");
        var quota = (cpus * CfsPeriodMicroseconds).ToString(CultureInfo.InvariantCulture);
        var period = CfsPeriodMicroseconds.ToString(CultureInfo.InvariantCulture);
        if (_layout.Version == CgroupVersion.V2)
        {
            Write(dir, "cpu.max", $"{quota} {period}");
            return;
        }
        Write(dir, "cpu.cfs_period_us", period);
        Write(dir, "cpu.cfs_quota_us", quota);
    }

    private static void Write(string dir, string file, string value)
    {
        var path = Path.Combine(dir, file);
        try
        {
            File.WriteAllText(path, value);
        }
        catch (IOException e)
        {
            // EBUSY: memory in use above the new limit that the kernel could not reclaim.
            throw new OperationFailedException($"The kernel refused {value} for {file}: {e.Message}", e);
        }
    }
}
