using System.Numerics;
using Carve.Core.Containers;
using Carve.Core.Networks;
using Carve.Lxc.Config;

namespace Carve.Lxc.Driver;

public sealed partial class LxcDriver
{
    /// <summary>The spec for the LXC config; the stored CtConfig is the only source, so every start rewrites the file.</summary>
    public LxcConfigSpec Spec(CtConfig config, LxcPaths paths, string rootfs) => new()
    {
        Name = paths.Name,
        Hostname = config.Hostname,
        RootfsPath = rootfs,
        Privileged = config.Privileged,
        IdMapStart = config.IdMapStart,
        IdMapCount = config.IdMapCount,
        MemoryLimitBytes = (long)config.MemoryMiB << 20,
        Cpus = config.Cpus,
        Mounts = config.Mounts.Select(m => new LxcBindMount(m.HostPath, m.GuestPath, m.ReadOnly, IsFile: File.Exists(m.HostPath))).ToList(),
        Nics = networking.Attachments(config.Nics)
            .Select(a => new LxcNic(a.Index, a.Bridge, NicNames.Veth(paths.Id, a.Index), a.Nic.Mac,
                networking.KernelVlans(a.Bridge) ? a.Nic.Vlan : null)).ToList(),
        ConsoleLogPath = paths.ConsoleLog,
        ConsoleLogSizeBytes = ConsoleLogSize(),
        LogPath = paths.LxcLog,
        Cgroup = host.Cgroups.Version,
        LimitSwap = host.LimitSwap,
        ApparmorProfile = host.ApparmorProfile,
        SeccompProfile = host.SeccompProfile,
        CpusetCpus = reservation.PinsGuests ? Host.Hardware.CpuAffinity.FormatList(reservation.GuestCpus) : null,
    };

    private void WriteConfig(CtConfig config, LxcPaths paths, string rootfs)
    {
        var text = LxcConfigBuilder.Build(Spec(config, paths, rootfs));
        Directory.CreateDirectory(paths.ContainerDir);
        Directory.CreateDirectory(paths.LogDir);
        var partial = paths.ConfigFile + ".new";
        File.WriteAllText(partial, text);
        File.Move(partial, paths.ConfigFile, overwrite: true);
    }

    /// <summary>
    /// LXC rotates the console log to .1 when it reaches this size; the live file plus the rotated one stay within
    /// ConsoleLogMaxBytes. LXC wants a power of two.
    /// </summary>
    private long ConsoleLogSize()
    {
        var half = Math.Max(options.ConsoleLogMaxBytes / 2, 4096);
        return 1L << (63 - BitOperations.LeadingZeroCount((ulong)half));
    }
}
