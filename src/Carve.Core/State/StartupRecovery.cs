using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace Carve.Core.State;

/// <summary>
/// Runs once when the daemon starts, before it serves requests: whatever an earlier daemon was doing when it
/// died is settled, so no guest stays locked and nothing half made is listed as good.
/// </summary>
public sealed partial class StartupRecovery(
    Database db, TaskStore tasks, GuestStore guests, GuestDrivers drivers, GuestLifecycle lifecycle, Hardware.PciPassthrough passthrough,
    Snapshots.SnapshotRecovery snapshots, ILogger<StartupRecovery> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        db.Migrate();
        if (db.IsReadOnly)
        {
            // Settling writes, and serving reads does not need it: the next start with the disk writable settles.
            // The drivers still find their running guests again, so that their consoles and state can be read.
            LogReadOnly(db.Path);
            await RecoverDriversAsync(ct);
            return;
        }
        var failed = tasks.FailUnfinished("The daemon stopped while this task was running; it was interrupted.");
        if (failed > 0)
            LogInterrupted(failed);

        var context = new LoggingTaskContext(logger);
        foreach (var guest in guests.List().Where(g => g.Lock is not null))
        {
            if (guest.Lock is { } settled && GuestLocks.RecoverySettles(settled))
            {
                // A half-made guest is removed; a half-deleted one is deleted the rest of the way.
                LogSettling(guest.Describe(), settled);
                await SettleAsync(guest, context, ct);
            }
            else
            {
                guests.ReleaseLock(guest.Id, guest.LockTask ?? "");
            }
        }

        await RecoverDriversAsync(ct);
        // PCI devices of VMs that ended while no daemon watched go back to their host drivers.
        passthrough.Recover(context);
        await snapshots.RunAsync(ct);
    }

    private async Task RecoverDriversAsync(CancellationToken ct)
    {
        foreach (var kind in drivers.Kinds)
            await drivers.Instance(kind).RecoverAsync(guests.List().Where(g => g.Kind == kind).ToList(), ct);
    }

    /// <summary>
    /// A guest that cannot be removed now (a volume still busy) keeps its lock, so it is never used half made and the
    /// next start tries again; the other guests, the drivers and the other recoveries go on.
    /// </summary>
    private async Task SettleAsync(GuestRecord guest, ITaskContext context, CancellationToken ct)
    {
        try
        {
            await lifecycle.DeleteAsync(guest, context, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSettleFailed(guest.Describe(), guest.Lock ?? "", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not settle {Guest}, interrupted during {Lock}; it stays locked and the next start tries again")]
    private partial void LogSettleFailed(string guest, string @lock, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Carve's database {Path} is on a read-only filesystem: changes are refused until it is remounted read-write; interrupted tasks and locks are settled at the next start")]
    private partial void LogReadOnly(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} task(s) were interrupted by the previous daemon's end")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling {Guest}, interrupted during {Lock}")]
    private partial void LogSettling(string guest, string @lock);
}
