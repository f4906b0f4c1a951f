using Carve.Core.Errors;
using Carve.Lxc.Cgroups;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Cgroups;

public sealed class ContainerCgroupTests : IDisposable
{
    private const string Group = "lxc.payload.ct-100";
    private readonly TempDirectory _root = new("carve-cg");

    public void Dispose() => _root.Dispose();

    private void Write(string relative, string content)
    {
        var path = _root.Sub(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private string Read(string relative) => File.ReadAllText(_root.Sub(relative));

    private ContainerCgroup V1()
    {
        Write($"memory/{Group}/memory.usage_in_bytes", "7340032\n");
        Write($"memory/{Group}/memory.limit_in_bytes", "67108864\n");
        Write($"memory/{Group}/memory.memsw.limit_in_bytes", "67108864\n");
        Write($"memory/{Group}/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        Write($"cpuacct/{Group}/cpuacct.usage", "2500000000\n");
        Write($"cpu/{Group}/cpu.cfs_quota_us", "-1\n");
        Write($"cpu/{Group}/cpu.cfs_period_us", "100000\n");
        var membership = CgroupMembership.Parse($"4:memory:/{Group}\n2:cpuacct:/{Group}\n1:cpu:/{Group}\n0::/\n");
        return new ContainerCgroup(CgroupLayout.V1(_root.Path), membership);
    }

    private ContainerCgroup V2(string memoryMax = "max\n")
    {
        Write($"{Group}/memory.current", "1048576\n");
        Write($"{Group}/memory.max", memoryMax);
        Write($"{Group}/memory.swap.max", "max\n");
        Write($"{Group}/memory.events", "low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n");
        Write($"{Group}/cpu.stat", "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n");
        Write($"{Group}/cpu.max", "max 100000\n");
        // A systemd init sits in a child group; usage is read one level up.
        return new ContainerCgroup(CgroupLayout.V2(_root.Path), CgroupMembership.Parse($"0::/{Group}/init.scope\n"));
    }

    [Fact]
    public void V1_usage_limit_cpu_time_and_oom_kills()
    {
        var stats = V1().Read();
        Assert.Equal(7340032, stats.MemoryBytes);
        Assert.Equal(64L << 20, stats.MemoryLimitBytes);
        Assert.Equal(2.5, stats.CpuSeconds);
        Assert.Equal(3, stats.OomKills);
    }

    [Fact]
    public void V2_disk_bytes_are_io_stat_summed_over_devices_and_null_without_it()
    {
        var cgroup = V2();
        Assert.Equal(((long?)null, (long?)null), (cgroup.Read().DiskReadBytes, cgroup.Read().DiskWriteBytes));
        Write($"{Group}/io.stat", "8:0 rbytes=4096 wbytes=1024 rios=1 wios=1 dbytes=0 dios=0\n253:1 rbytes=100 wbytes=7 rios=2 wios=3 dbytes=0 dios=0\n");
        Assert.Equal(((long?)4196, (long?)1031), (cgroup.Read().DiskReadBytes, cgroup.Read().DiskWriteBytes));
        Assert.Null(V1().Read().DiskReadBytes);
    }

    [Fact]
    public void V1_unlimited_memory_reads_as_null()
    {
        var cgroup = V1();
        Write($"memory/{Group}/memory.limit_in_bytes", "9223372036854771712\n");
        Assert.Null(cgroup.Read().MemoryLimitBytes);
    }

    [Fact]
    public void V2_usage_limit_cpu_time_and_oom_kills()
    {
        var stats = V2("268435456\n").Read();
        Assert.Equal(1048576, stats.MemoryBytes);
        Assert.Equal(256L << 20, stats.MemoryLimitBytes);
        Assert.Equal(1.5, stats.CpuSeconds);
        Assert.Equal(2, stats.OomKills);
        Assert.Null(V2().Read().MemoryLimitBytes);
    }

    [Fact]
    public void Missing_files_read_as_null()
    {
        var cgroup = new ContainerCgroup(CgroupLayout.V1(_root.Path), CgroupMembership.Parse($"4:memory:/{Group}\n"));
        Assert.Equal(new CgroupStats(), cgroup.Read());
    }

    [Fact]
    public void V1_growing_memory_raises_memsw_first_and_cpu_gets_a_quota()
    {
        var cgroup = V1();
        cgroup.SetMemoryLimit(128L << 20);
        cgroup.SetCpuLimit(2);
        Assert.Equal("134217728", Read($"memory/{Group}/memory.limit_in_bytes"));
        Assert.Equal("134217728", Read($"memory/{Group}/memory.memsw.limit_in_bytes"));
        Assert.Equal("200000", Read($"cpu/{Group}/cpu.cfs_quota_us"));
        Assert.Equal("100000", Read($"cpu/{Group}/cpu.cfs_period_us"));
        cgroup.SetMemoryLimit(32L << 20);
        Assert.Equal("33554432", Read($"memory/{Group}/memory.memsw.limit_in_bytes"));
    }

    [Fact]
    public void V2_limits_go_to_memory_max_swap_max_and_cpu_max()
    {
        var cgroup = V2();
        cgroup.SetMemoryLimit(64L << 20);
        cgroup.SetCpuLimit(3);
        Assert.Equal("67108864", Read($"{Group}/memory.max"));
        Assert.Equal("0", Read($"{Group}/memory.swap.max"));
        Assert.Equal("300000 100000", Read($"{Group}/cpu.max"));
    }

    [Fact]
    public void Setting_a_limit_without_the_cgroup_says_so()
    {
        var cgroup = new ContainerCgroup(CgroupLayout.V2(_root.Path), new Dictionary<string, string>());
        Assert.Throws<OperationFailedException>(() => cgroup.SetMemoryLimit(1 << 30));
    }
}
