using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Vms;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Microsoft.Extensions.Logging;

namespace Carve.Qemu.Driver;

/// <summary>Virtual machines as daemonized QEMU processes that outlive carved.</summary>
public sealed partial class QemuDriver(
    CarveOptions options,
    StoragePools pools,
    IProcessRunner runner,
    ProcFs proc,
    QemuProcessLocator locator,
    AccelerationService accel,
    QmpConnections qmp,
    Core.Resources.HostReservation reservation,
    GuestNetworking networking,
    ILogger<QemuDriver> logger) : IInstanceDriver
{
    public string Kind => VmService.Kind;

    public async Task CreateAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        if (config.EfiVars is { } vars)
            await CreateVarsAsync(vars, task, ct);
    }

    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        foreach (var disk in config.Disks.Concat(config.EfiVars is null ? [] : [config.EfiVars]))
        {
            var pool = pools.Get(disk.Pool);
            await pool.DeleteVolumeAsync(disk.Volume, ct);
            task.Log($"Deleted volume {disk.Volume} from pool {pool.Name}.");
        }
        await networking.RemoveTapsAsync(guest, config.Nics, ct);
        var paths = Paths(guest);
        await qmp.DropAsync(paths.QmpSocket);
        File.Delete(paths.SerialLog);
        if (Directory.Exists(paths.RuntimeDir))
            Directory.Delete(paths.RuntimeDir, recursive: true);
    }

    private QemuPaths Paths(GuestRecord guest) => QemuPaths.For(options, guest.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Guest} still running as pid {Pid}")]
    private partial void LogRecovered(string guest, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trim the console log {Path}")]
    private partial void LogTrimFailed(string path, Exception exception);
}
