using System.Text.Json.Nodes;

namespace Carve.Qemu.Qmp;

/// <summary>
/// Internal snapshots (QEMU 6.0+): snapshot-save/-load/-delete run as background jobs, so the monitor keeps
/// answering while RAM is written; blockdev-snapshot-internal-sync in a transaction snapshots disks atomically.
/// </summary>
public sealed partial class QmpClient
{
    /// <summary>Starts a job that saves RAM and device state into <paramref name="vmstateNode"/> and snapshots every device.</summary>
    /// <param name="devices">Block node names that all get the snapshot; the vmstate node must be one of them.</param>
    public Task SnapshotSaveAsync(string jobId, string tag, string vmstateNode, IReadOnlyList<string> devices, CancellationToken cancellationToken) =>
        ExecuteAsync("snapshot-save", SnapshotArguments(jobId, tag, vmstateNode, devices), cancellationToken);

    /// <summary>Starts a job that returns the devices and RAM to the snapshot; the VM's run state is kept.</summary>
    public Task SnapshotLoadAsync(string jobId, string tag, string vmstateNode, IReadOnlyList<string> devices, CancellationToken cancellationToken) =>
        ExecuteAsync("snapshot-load", SnapshotArguments(jobId, tag, vmstateNode, devices), cancellationToken);

    /// <summary>Starts a job that drops the snapshot from the devices that have it (the others are skipped).</summary>
    public Task SnapshotDeleteAsync(string jobId, string tag, IReadOnlyList<string> devices, CancellationToken cancellationToken) =>
        ExecuteAsync("snapshot-delete", SnapshotArguments(jobId, tag, null, devices), cancellationToken);

    public async Task<IReadOnlyList<QmpJob>> QueryJobsAsync(CancellationToken cancellationToken) =>
        QmpJson.ParseArray(await ExecuteAsync("query-jobs", null, cancellationToken), QmpJson.ParseJob);

    /// <summary>Removes a concluded job from query-jobs, so its id can be used again.</summary>
    public Task JobDismissAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return ExecuteAsync("job-dismiss", new JsonObject { ["id"] = jobId }, cancellationToken);
    }

    /// <summary>
    /// Takes an internal snapshot of every device in one transaction: QEMU makes all of them or none.
    /// </summary>
    /// <param name="devices">Block backend names (the <c>-drive id=</c>) or node names.</param>
    public Task InternalSnapshotTransactionAsync(IReadOnlyList<string> devices, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfZero(devices.Count);
        var actions = new JsonArray([.. devices.Select(d => new JsonObject
        {
            ["type"] = "blockdev-snapshot-internal-sync",
            ["data"] = new JsonObject { ["device"] = d, ["name"] = name },
        })]);
        return ExecuteAsync("transaction", new JsonObject { ["actions"] = actions }, cancellationToken);
    }

    /// <summary>
    /// Waits until the job concludes, dismisses it, and throws a <see cref="QmpException"/> with the job's error if
    /// it failed. Each JOB_STATUS_CHANGE event wakes it to check query-jobs; it also checks every second, so an
    /// event that came before the wait began is never waited for.
    /// </summary>
    public async Task WaitForJobAsync(string jobId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var changed = WaitForEventAsync(QmpEventNames.JobStatusChange, TimeSpan.FromSeconds(1), stopWaiting.Token);
            var job = (await QueryJobsAsync(cancellationToken)).FirstOrDefault(j => j.Id == jobId);
            if (job is null || job.Concluded)
            {
                await stopWaiting.CancelAsync();
                await QuietlyAsync(changed);
                if (job is null)
                    throw new QmpException("query-jobs", "JobNotFound", $"There is no job '{jobId}'.");
                await JobDismissAsync(jobId, cancellationToken);
                if (job.Error is not null)
                    throw new QmpException(job.Type, "JobFailed", job.Error);
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                await stopWaiting.CancelAsync();
                await QuietlyAsync(changed);
                throw new TimeoutException($"QEMU's job {jobId} ({job.Type}) did not finish within {timeout.TotalSeconds:0} s.");
            }
            await QuietlyAsync(changed);
        }
    }

    /// <summary>The next event, a second without one, or the wait given up: all mean "check again".</summary>
    private static async Task QuietlyAsync(Task wait)
    {
        try
        {
            await wait;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or QmpDisconnectedException)
        {
        }
    }

    private static JsonObject SnapshotArguments(string jobId, string tag, string? vmstateNode, IReadOnlyList<string> devices)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var arguments = new JsonObject { ["job-id"] = jobId, ["tag"] = tag, ["devices"] = new JsonArray([.. devices.Select(d => (JsonNode)d)]) };
        if (vmstateNode is not null)
            arguments["vmstate"] = vmstateNode;
        return arguments;
    }
}
