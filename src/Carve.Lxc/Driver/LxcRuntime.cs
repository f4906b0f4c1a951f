using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Lxc.Cgroups;
using Carve.Lxc.Guests;
using Carve.Lxc.HostSetup;

namespace Carve.Lxc.Driver;

/// <summary>A container as the driver's parts find it: its files, its root file system, and its processes when it runs.</summary>
public sealed class LxcRuntime(CarveOptions options, LxcMonitorLocator locator, StoragePools pools, LxcHostFacts host)
{
    public LxcPaths Paths(GuestRecord guest) => LxcPaths.For(options, guest.Id);

    /// <summary>The LXC monitor and the container's init, or null when it does not run.</summary>
    public LxcProcesses? Find(GuestRecord guest) => locator.Find(Paths(guest));

    public bool IsRunning(GuestRecord guest) => Find(guest) is not null;

    public string RootfsPath(CtSpec spec) => pools.Get(spec.Pool).VolumePath(spec.RootfsVolume);

    /// <summary>Clears what only a running container needs: its monitor's pid file, the applied config, a leftover cgroup.</summary>
    public void ClearAfterExit(LxcPaths paths)
    {
        // A container that never ran since the host booted has no runtime dir, and File.Delete throws for a missing dir.
        if (Directory.Exists(paths.RuntimeDir))
        {
            File.Delete(paths.MonitorPidFile);
            File.Delete(paths.AppliedConfig);
        }
        LeftoverCgroups.Remove(host.Cgroups, paths.Name);
    }
}
