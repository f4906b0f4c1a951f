using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Tasks;
using Carve.Qemu.Guests;
using Microsoft.Extensions.Logging;

namespace Carve.Qemu.Driver;

/// <summary>
/// Virtual machines as daemonized QEMU processes that outlive carved: the life of a VM, told to the parts that
/// launch, stop and inspect it.
/// </summary>
public sealed partial class QemuInstanceDriver(
    QemuRuntime runtime, QemuLauncher launcher, QemuPower power, QemuInspector inspector, VmVolumes volumes,
    GuestNetworking networking, AccelerationService accel, ILogger<QemuInstanceDriver> logger) : IInstanceDriver
{
    public Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => launcher.LaunchAsync(guest, paused: false, task, ct);

    public Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => power.StopAsync(guest, task, ct);

    public Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct) =>
        power.ShutdownAsync(guest, timeout, task, ct);

    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await volumes.DeleteAsync(VmSpec.Of(guest), task, ct);
        await networking.RemoveTapsAsync(guest, guest.Config.Nics, ct);
        var paths = runtime.Paths(guest);
        await runtime.ClearAsync(paths);
        File.Delete(paths.SerialLog);
        if (Directory.Exists(paths.RuntimeDir))
            Directory.Delete(paths.RuntimeDir, recursive: true);
    }

    /// <summary>QEMU takes CPU and memory at start; without hotplug configured, changes wait for the next start.</summary>
    public Task ApplyLimitsAsync(GuestRecord updated, ITaskContext task, CancellationToken ct)
    {
        if (runtime.IsRunning(updated))
            task.Log("CPU and memory changes are saved and take effect at the next start of the VM.");
        return Task.CompletedTask;
    }

    public GuestRuntime Inspect(GuestRecord guest) => inspector.Inspect(guest);

    public Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct) => inspector.InspectDeepAsync(guest, ct);

    /// <summary>Finds the QEMUs an earlier daemon started; they kept running, and nothing is started twice.</summary>
    public async Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct)
    {
        accel.StartProbe();
        foreach (var guest in guests)
        {
            var paths = runtime.Paths(guest);
            if (runtime.Pid(guest) is { } pid)
                LogRecovered(guest.Describe(), pid);
            else if (Directory.Exists(paths.RuntimeDir))
                // Exited while no daemon watched (guest powered off): clear its stale sockets.
                await runtime.ClearAsync(paths);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Guest} still running as pid {Pid}")]
    private partial void LogRecovered(string guest, int pid);
}
