using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Host.Processes;
using Carve.Lxc.Cgroups;

namespace Carve.Lxc.Driver;

public sealed partial class LxcDriver
{
    /// <summary>From /proc and the cgroup files only: no process is spawned, so listing hundreds of guests stays fast.</summary>
    public GuestRuntime Inspect(GuestRecord guest)
    {
        var paths = Paths(guest);
        if (locator.Find(paths) is not { } found)
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
            MemoryLimitBytes = stats?.MemoryLimitBytes,
            OomKills = stats?.OomKills,
            AppliedConfigJson = TryRead(paths.AppliedConfig),
        };
    }

    /// <summary>Adds LXC's own view of the state (RUNNING, FROZEN, ...) through lxc-info.</summary>
    public async Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct)
    {
        var runtime = Inspect(guest);
        if (!runtime.IsRunning)
            return runtime;
        var info = await runner.RunAsync(new ProcessSpec("lxc-info", LxcCommands.Info(Paths(guest))) { Timeout = TimeSpan.FromSeconds(10) }, ct);
        // "State:          RUNNING"
        var state = info.Succeeded
            ? info.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal))?[6..].Trim().ToLowerInvariant()
            : null;
        return runtime with
        {
            MonitorStatus = state,
            Status = state == "frozen" ? GuestStatus.Paused : runtime.Status,
        };
    }

    private ContainerCgroup? CgroupOf(int initPid)
    {
        var membership = TryRead(Path.Combine(proc.Root, initPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "cgroup"));
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
