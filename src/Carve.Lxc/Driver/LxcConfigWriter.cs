using System.Numerics;
using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Resources;
using Carve.Host.Hardware;
using Carve.Lxc.Config;
using Carve.Lxc.Guests;
using Carve.Lxc.HostSetup;

namespace Carve.Lxc.Driver;

/// <summary>The LXC config file of a container: the stored config is its only source, so every start writes it afresh.</summary>
public sealed class LxcConfigWriter(CarveOptions options, GuestNetworking networking, LxcHostFacts host, HostReservation reservation)
{
    public LxcConfigSpec Spec(GuestConfig config, LxcPaths paths, string rootfs)
    {
        var spec = CtSpec.Of(config);
        return new()
        {
            Name = paths.Name,
            Hostname = spec.Hostname,
            RootfsPath = rootfs,
            Privileged = spec.Privileged,
            IdMapStart = spec.IdMapStart,
            IdMapCount = spec.IdMapCount,
            MemoryLimitBytes = config.MemoryBytes,
            Cpus = config.Cpus,
            Mounts = spec.Mounts.Select(m => new LxcBindMount(m.HostPath, m.GuestPath, m.ReadOnly, IsFile: File.Exists(m.HostPath))).ToList(),
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
            CpusetCpus = reservation.PinsGuests ? CpuAffinity.FormatList(reservation.GuestCpus) : null,
        };
    }

    /// <summary>Writes the file whole: a new one beside it, then a rename.</summary>
    public void Write(GuestConfig config, LxcPaths paths, string rootfs)
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
