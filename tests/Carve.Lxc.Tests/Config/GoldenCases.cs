using Carve.Lxc.Config;

namespace Carve.Lxc.Tests.Config;

/// <summary>The specs behind Golden/&lt;case&gt;.conf, laid out the way carved lays out its files.</summary>
internal static class GoldenCases
{
    public static readonly IReadOnlyDictionary<string, LxcConfigSpec> All = new Dictionary<string, LxcConfigSpec>
    {
        ["busybox-unprivileged"] = Base(100, "box"),

        ["privileged"] = Base(101, "priv") with
        {
            Privileged = true,
            Cpus = 2,
            MemoryLimitBytes = 1L << 30,
            ApparmorProfile = "generated",
        },

        ["with-mounts"] = Base(102, "media") with
        {
            Mounts =
            [
                new LxcBindMount("/tank/media", "/srv/media", ReadOnly: false),
                new LxcBindMount("/tank/backups/photos 2024", "/mnt/photos 2024", ReadOnly: true),
                new LxcBindMount("/etc/carve/motd", "//etc/./motd", ReadOnly: true, IsFile: true),
            ],
        },

        ["cgroup2"] = Base(103, "unified") with
        {
            Cgroup = CgroupVersion.V2,
            Cpus = 4,
            MemoryLimitBytes = 2L << 30,
            IdMapStart = 200000,
        },

        // issue 8: CPU 0 reserved for the host, so the container's cpuset leaves it out.
        ["cpuset-reserved"] = Base(104, "pinned") with { CpusetCpus = "1-3" },
        ["cpuset-reserved-cgroup2"] = Base(105, "pinned2") with { Cgroup = CgroupVersion.V2, CpusetCpus = "1,3" },
        ["with-nics"] = Base(104, "pihole") with
        {
            Nics =
            [
                new LxcNic(0, "lab", "veth104i0", "02:00:00:aa:bb:01", Vlan: null),
                new LxcNic(1, "vmbr0", "veth104i1", "02:00:00:aa:bb:02", Vlan: 20),
            ],
        },
    };

    private static LxcConfigSpec Base(int id, string hostname) => new()
    {
        Name = $"ct-{id}",
        Hostname = hostname,
        RootfsPath = $"/var/lib/carve/pools/local/ct-{id}-rootfs",
        MemoryLimitBytes = 512L << 20,
        Cpus = 1,
        ConsoleLogPath = $"/var/lib/carve/logs/ct-{id}/console.log",
        LogPath = $"/var/lib/carve/logs/ct-{id}/lxc.log",
        LimitSwap = true,
        SeccompProfile = "/usr/share/lxc/config/common.seccomp",
    };
}
