using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Carve.Core.Errors;

namespace Carve.Lxc.Config;

/// <summary>
/// Turns a <see cref="LxcConfigSpec"/> into the config file LXC reads. Pure, so golden files pin every line.
/// Self-contained on purpose: no lxc.include of the distribution's common.conf, whose lxcfs hooks and
/// defaults change with the package; what Carve relies on is written out here.
/// </summary>
public static partial class LxcConfigBuilder
{
    private const long CfsPeriodMicroseconds = 100_000;

    // Devices a system container needs (as LXC's common.conf): null, zero, full, tty, console, ptmx, random,
    // urandom, the pts and fuse; everything may be mknod'ed, nothing else opened.
    private static readonly string[] AllowedDevices =
    [
        "c *:* m", "b *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm",
        "c 1:8 rwm", "c 1:9 rwm", "c 136:* rwm", "c 10:229 rwm",
    ];

    [GeneratedRegex(@"^(?=.{1,253}\z)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z")]
    private static partial Regex HostnamePattern();

    public static string Build(LxcConfigSpec spec)
    {
        if (!HostnamePattern().IsMatch(spec.Hostname))
            throw new BadRequestException($"Invalid hostname '{Core.Validation.Names.Printable(spec.Hostname)}'.");
        if (spec.Cpus < 1)
            throw new BadRequestException("A container needs at least one CPU.");
        if (spec.MemoryLimitBytes < 16L << 20)
            throw new BadRequestException("A container needs a memory limit of at least 16 MiB.");

        var w = new Writer();
        w.Comment($"{spec.Name}: written by carved from the stored config at every start; change it with `carve ct set`, not here.");
        w.Set("lxc.uts.name", spec.Hostname);
        w.Set("lxc.rootfs.path", "dir:" + LxcConfigText.Value("rootfs path", spec.RootfsPath));
        w.Set("lxc.init.cmd", "/sbin/init");
        // lxc-stop -t sends this to init; busybox init and sysvinit (with a powerfail entry) power off on it.
        w.Set("lxc.signal.halt", "SIGPWR");
        w.Set("lxc.autodev", "1");
        w.Set("lxc.tty.max", "2");
        w.Set("lxc.pty.max", "1024");
        w.Set("lxc.mount.auto", spec.Privileged ? "proc:mixed sys:mixed cgroup:mixed" : "proc:mixed sys:rw cgroup:mixed");
        Network(w, spec);

        Security(w, spec);
        Limits(w, spec);

        w.Blank();
        w.Set("lxc.console.logfile", LxcConfigText.Value("console log path", spec.ConsoleLogPath));
        w.Set("lxc.console.size", spec.ConsoleLogSizeBytes.ToString(CultureInfo.InvariantCulture));
        w.Set("lxc.console.rotate", "1");
        w.Set("lxc.log.file", LxcConfigText.Value("log path", spec.LogPath));
        w.Set("lxc.log.level", spec.LogLevel);

        if (spec.Mounts.Count > 0)
            w.Blank();
        foreach (var mount in spec.Mounts)
            w.Set("lxc.mount.entry", MountEntry(mount));
        return w.ToString();
    }

    private static void Security(Writer w, LxcConfigSpec spec)
    {
        w.Blank();
        if (spec.Privileged)
        {
            w.Comment("Privileged: container root is host root.");
            w.Set("lxc.cap.drop", "mac_admin mac_override sys_time sys_module sys_rawio");
        }
        else
        {
            var last = spec.IdMapStart + (long)spec.IdMapCount - 1;
            w.Comment($"Unprivileged: container ids 0-{spec.IdMapCount - 1} are host ids {spec.IdMapStart}-{last}.");
            var map = $"0 {spec.IdMapStart} {spec.IdMapCount}";
            w.Set("lxc.idmap", "u " + map);
            w.Set("lxc.idmap", "g " + map);
        }
        w.Set("lxc.apparmor.profile", spec.ApparmorProfile);
        if (spec.SeccompProfile is not null)
            w.Set("lxc.seccomp.profile", LxcConfigText.Value("seccomp profile path", spec.SeccompProfile));
        var devices = spec.Cgroup == CgroupVersion.V1 ? "lxc.cgroup.devices" : "lxc.cgroup2.devices";
        w.Set(devices + ".deny", "a");
        foreach (var allow in AllowedDevices)
            w.Set(devices + ".allow", allow);
    }

    private static void Limits(Writer w, LxcConfigSpec spec)
    {
        w.Blank();
        var memory = spec.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture);
        var quota = (spec.Cpus * CfsPeriodMicroseconds).ToString(CultureInfo.InvariantCulture);
        var period = CfsPeriodMicroseconds.ToString(CultureInfo.InvariantCulture);
        if (spec.Cgroup == CgroupVersion.V1)
        {
            w.Comment($"Limits (cgroup v1): {spec.MemoryLimitBytes >> 20} MiB, {spec.Cpus} CPU(s) of time.");
            w.Set("lxc.cgroup.memory.limit_in_bytes", memory);
            // Equal to the memory limit: no swap on top. LXC applies it after limit_in_bytes.
            if (spec.LimitSwap)
                w.Set("lxc.cgroup.memory.memsw.limit_in_bytes", memory);
            w.Set("lxc.cgroup.cpu.cfs_period_us", period);
            w.Set("lxc.cgroup.cpu.cfs_quota_us", quota);
            if (spec.CpusetCpus is not null)
                w.Set("lxc.cgroup.cpuset.cpus", CpuList(spec.CpusetCpus));
        }
        else
        {
            w.Comment($"Limits (cgroup v2): {spec.MemoryLimitBytes >> 20} MiB, {spec.Cpus} CPU(s) of time.");
            w.Set("lxc.cgroup2.memory.max", memory);
            if (spec.LimitSwap)
                w.Set("lxc.cgroup2.memory.swap.max", "0");
            w.Set("lxc.cgroup2.cpu.max", $"{quota} {period}");
            if (spec.CpusetCpus is not null)
                w.Set("lxc.cgroup2.cpuset.cpus", CpuList(spec.CpusetCpus));
        }
    }

    /// <summary>Only a kernel CPU list ("1", "1-3,6") reaches the config: nothing else can smuggle in a line.</summary>
    private static string CpuList(string cpus) =>
        CpuListPattern().IsMatch(cpus) ? cpus : throw new BadRequestException($"Invalid CPU list '{Core.Validation.Names.Printable(cpus)}'.");

    [GeneratedRegex(@"^[0-9]{1,4}(-[0-9]{1,4})?(,[0-9]{1,4}(-[0-9]{1,4})?)*\z")]
    private static partial Regex CpuListPattern();

    private static string MountEntry(LxcBindMount mount)
    {
        var guest = GuestMountPath.Relative(mount.GuestPath);
        var options = "bind," + (mount.IsFile ? "create=file" : "create=dir") + (mount.ReadOnly ? ",ro" : "");
        return $"{LxcConfigText.EscapeMountField("mount source", mount.HostPath)} {LxcConfigText.EscapeMountField("mount target", guest)} none {options} 0 0";
    }

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Set(string key, string value) => _text.Append(key).Append(" = ").Append(value).Append('\n');

        public void Comment(string text) => _text.Append("# ").Append(text).Append('\n');

        public void Blank() => _text.Append('\n');

        public override string ToString() => _text.ToString();
    }
}
