using System.Globalization;
using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Carve.Lxc.Cgroups;
using Carve.Lxc.HostSetup;

namespace Carve.Lxc.Driver;

/// <summary>A container's live state: from /proc and its cgroup for listings (nothing spawned), lxc-info for one container.</summary>
public sealed class LxcInspector(LxcRuntime runtime, LxcHostFacts host, IProcessRunner runner, ProcFs proc)
{
    public GuestRuntime Inspect(GuestRecord guest)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Find(guest) is not { } found)
            return new GuestRuntime { Status = GuestStatus.Stopped };
        // A monitor without an init is between states (starting, stopping or rebooting).
        if (found.InitPid is not { } init)
            return new GuestRuntime { Status = GuestStatus.Unknown };
        var stats = CgroupOf(init)?.Read();
        return new GuestRuntime
        {
            Status = GuestStatus.Running,
            Pid = init,
            StartedAt = proc.ReadStartTime(init),
            CpuSeconds = stats?.CpuSeconds,
            MemoryRssBytes = stats?.MemoryBytes,
            DiskReadBytes = stats?.DiskReadBytes,
            DiskWriteBytes = stats?.DiskWriteBytes,
            MemoryLimitBytes = stats?.MemoryLimitBytes,
            OomKills = stats?.OomKills,
            AppliedConfigJson = TryRead(paths.AppliedConfig),
        };
    }

    /// <summary>Adds LXC's own view of the state (RUNNING, FROZEN, ...) through lxc-info.</summary>
    public async Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct)
    {
        var state = Inspect(guest);
        if (!state.IsRunning)
            return state;
        var info = await runner.RunAsync(new ProcessSpec("lxc-info", LxcCommands.Info(runtime.Paths(guest))) { Timeout = TimeSpan.FromSeconds(10) }, ct);
        // "State:          RUNNING"
        var lxcState = info.Succeeded
            ? info.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal))?[6..].Trim().ToLowerInvariant()
            : null;
        return state with
        {
            MonitorStatus = lxcState,
            Status = lxcState == "frozen" ? GuestStatus.Paused : state.Status,
        };
    }

    /// <summary>The cgroup the container's init runs in, where its limits and usage are.</summary>
    public ContainerCgroup? CgroupOf(int initPid)
    {
        var membership = TryRead(Path.Combine(proc.Root, initPid.ToString(CultureInfo.InvariantCulture), "cgroup"));
        return membership is null ? null : new ContainerCgroup(host.Cgroups, CgroupMembership.Parse(membership));
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
