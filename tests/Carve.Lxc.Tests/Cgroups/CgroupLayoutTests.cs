using Carve.Lxc.Cgroups;
using Carve.Lxc.Config;

namespace Carve.Lxc.Tests.Cgroups;

public sealed class CgroupLayoutTests
{
    private const string Hybrid = """
        sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
        tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
        cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,nodev,noexec,relatime,cpu,cpuacct 0 0
        cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,nodev,noexec,relatime,memory 0 0
        cgroup /sys/fs/cgroup/systemd cgroup rw,relatime,xattr,name=systemd 0 0
        cgroup2 /sys/fs/cgroup/unified cgroup2 rw,nosuid,nodev,noexec,relatime 0 0
        """;

    private const string Unified = """
        cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
        /dev/vda1 /mnt/with\040space ext4 rw 0 0
        """;

    [Fact]
    public void A_hybrid_host_is_v1_with_each_controller_at_its_mount()
    {
        var layout = CgroupLayout.Parse(Hybrid);
        Assert.Equal(CgroupVersion.V1, layout.Version);
        Assert.Equal("/sys/fs/cgroup/memory", layout.V1Mounts["memory"]);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct", layout.V1Mounts["cpu"]);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct", layout.V1Mounts["cpuacct"]);
        Assert.Equal("/sys/fs/cgroup/unified", layout.UnifiedMount);
    }

    [Fact]
    public void A_unified_host_is_v2()
    {
        var layout = CgroupLayout.Parse(Unified);
        Assert.Equal(CgroupVersion.V2, layout.Version);
        Assert.Equal("/sys/fs/cgroup", layout.UnifiedMount);
        Assert.Empty(layout.V1Mounts);
    }

    [Fact]
    public void This_host_is_detected() =>
        Assert.True(CgroupLayout.Detect() is { Version: CgroupVersion.V1 } or { UnifiedMount: not null });

    [Fact]
    public void Membership_lines_map_every_controller_and_the_unified_path()
    {
        var paths = CgroupMembership.Parse("4:memory:/lxc.payload.ct-100\n2:cpu,cpuacct:/lxc.payload.ct-100\n0::/lxc.payload.ct-100/init.scope\n");
        Assert.Equal("/lxc.payload.ct-100", paths["memory"]);
        Assert.Equal("/lxc.payload.ct-100", paths["cpuacct"]);
        Assert.Equal("/lxc.payload.ct-100/init.scope", paths[CgroupMembership.Unified]);
    }

    [Theory]
    [InlineData("/lxc.payload.ct-100/init.scope", "/lxc.payload.ct-100")]
    [InlineData("/lxc.payload.ct-100-1", "/lxc.payload.ct-100-1")]
    [InlineData("/machine/lxc.payload.ct-7/system.slice/x.service", "/machine/lxc.payload.ct-7")]
    [InlineData("/other", "/other")]
    public void Usage_is_read_at_the_payload_group(string path, string payload) =>
        Assert.Equal(payload, CgroupMembership.PayloadPath(path));
}
