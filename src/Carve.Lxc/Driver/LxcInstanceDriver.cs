using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Host.Files;
using Carve.Lxc.Guests;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc.Driver;

/// <summary>Containers run by LXC's own tools: the life of a container, told to the parts that start, stop and inspect it.</summary>
public sealed partial class LxcInstanceDriver(
    LxcRuntime runtime, LxcLifecycle lifecycle, LxcProvisioner provisioner, LxcInspector inspector, LxcConfigWriter config,
    LxcMonitorLocator locator, Core.Configuration.CarveOptions options, ILogger<LxcInstanceDriver> logger) : IInstanceDriver
{
    public Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => lifecycle.StartAsync(guest, task, ct);

    public Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => lifecycle.StopAsync(guest, task, ct);

    public Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct) =>
        lifecycle.ShutdownAsync(guest, timeout, task, ct);

    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        if (runtime.IsRunning(guest))
            await lifecycle.StopAsync(guest, task, ct);
        await provisioner.DeleteAsync(guest, task, ct);
    }

    /// <summary>CPU and memory limits are cgroup settings: a running container gets them at once.</summary>
    public async Task ApplyLimitsAsync(GuestRecord updated, ITaskContext task, CancellationToken ct)
    {
        var paths = runtime.Paths(updated);
        var spec = CtSpec.Of(updated);
        // The config file follows the stored config either way (lxc-* tools read it).
        if (Directory.Exists(paths.ContainerDir))
            config.Write(updated.Config, paths, runtime.RootfsPath(spec));
        if (runtime.Find(updated) is { InitPid: { } init })
        {
            var cgroup = inspector.CgroupOf(init) ?? throw new OperationFailedException($"The cgroup of {updated.Describe()} was not found.");
            cgroup.SetMemoryLimit(updated.Config.MemoryBytes);
            cgroup.SetCpuLimit(updated.Config.Cpus);
            await File.WriteAllTextAsync(paths.AppliedConfig, updated.Config.ToJson(), ct);
            task.Log($"Applied {updated.Config.Cpus} CPU(s) and {updated.Config.MemoryMiB} MiB to the running {updated.Describe()}.");
        }
        task.Log("The new limits apply now.");
    }

    public GuestRuntime Inspect(GuestRecord guest) => inspector.Inspect(guest);

    public Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct) => inspector.InspectDeepAsync(guest, ct);

    /// <summary>
    /// Finds the containers an earlier daemon started; they kept running and nothing is started twice. A missing pid
    /// file (a wiped run dir) is rewritten from the monitor's title, found in one pass over /proc.
    /// </summary>
    public async Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct)
    {
        IReadOnlyDictionary<string, int>? monitors = null;
        foreach (var guest in guests)
        {
            ct.ThrowIfCancellationRequested();
            var paths = runtime.Paths(guest);
            if (runtime.Find(guest) is { } found)
            {
                LogRecovered(guest.Describe(), found.MonitorPid, found.InitPid);
                continue;
            }
            monitors ??= locator.ScanMonitors(LxcPaths.LxcPathFor(options));
            if (monitors.TryGetValue(paths.Name, out var monitor))
            {
                Directory.CreateDirectory(paths.RuntimeDir, FileModes.OwnerOnlyDirectory);
                await File.WriteAllTextAsync(paths.MonitorPidFile, monitor.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
                LogRecovered(guest.Describe(), monitor, runtime.Find(guest)?.InitPid);
                continue;
            }
            // Stopped while no daemon watched (powered off from inside): clear what only a running container needs.
            runtime.ClearAfterExit(paths);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Guest} still running: monitor pid {Monitor}, init pid {Init}")]
    private partial void LogRecovered(string guest, int monitor, int? init);
}
