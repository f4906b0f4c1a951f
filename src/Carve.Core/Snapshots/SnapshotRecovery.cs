using Carve.Core.Guests;
using Carve.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace Carve.Core.Snapshots;

/// <summary>
/// Settles snapshot operations a dead daemon left halfway: a snapshot being made is dropped (never listed as
/// good), one being deleted is deleted the rest of the way, and an interrupted rollback is finished on the disks
/// with the guest stopped, since its RAM may be half loaded.
/// </summary>
public sealed partial class SnapshotRecovery(
    GuestStore guests, SnapshotStore snapshots, Drivers.GuestDrivers drivers, ILogger<SnapshotRecovery> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var context = new LoggingTaskContext(logger);
        foreach (var snapshot in snapshots.Unsettled())
        {
            if (guests.Find(snapshot.GuestId) is not { } guest)
                continue;
            LogSettling(guest.Describe(), snapshot.Name, snapshot.State);
            try
            {
                var driver = drivers.For<IGuestSnapshots>(guest.Kind);
                if (snapshot.State == SnapshotStates.RollingBack)
                {
                    await driver.RollbackSnapshotAsync(guest, snapshot with { Memory = false }, context, ct);
                    snapshots.MakeCurrent(guest.Id, snapshot.Name);
                    continue;
                }
                await driver.DeleteSnapshotAsync(guest, snapshot.Name, context, ct);
                snapshots.Remove(guest.Id, snapshot.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left as it is, not listed as ready: the next start tries again, and the user can delete it.
                LogFailed(guest.Describe(), snapshot.Name, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling snapshot {Snapshot} of {Guest}, interrupted in state {State}")]
    private partial void LogSettling(string guest, string snapshot, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not settle snapshot {Snapshot} of {Guest}")]
    private partial void LogFailed(string guest, string snapshot, Exception exception);
}
