using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Qemu.Guests;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>
/// Internal snapshots of a running VM, taken by its QEMU (which owns the open images): a QMP transaction for disks
/// only, snapshot-save and snapshot-load jobs when RAM is saved too. Jobs are waited for and dismissed.
/// </summary>
public static class RunningSnapshots
{
    /// <summary>Where the UEFI variable store shows up in query-block: QEMU names pflash drives by unit.</summary>
    private const string VarsDevice = "pflash1";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(30);

    /// <summary>One transaction: QEMU snapshots every disk or none.</summary>
    public static async Task TakeDisksAsync(QmpClient client, VmSpec spec, string name, CancellationToken ct)
    {
        try
        {
            await client.InternalSnapshotTransactionAsync(Devices(spec), name, ct);
        }
        catch (QmpException e)
        {
            throw new OperationFailedException($"QEMU could not take the snapshot (no drive was changed): {e.Description}", e);
        }
    }

    public static int DeviceCount(VmSpec spec) => Devices(spec).Count;

    /// <summary>RAM and devices go into the first disk; the guest pauses meanwhile.</summary>
    public static async Task SaveAsync(QmpClient client, GuestRecord guest, VmSpec spec, string name, CancellationToken ct)
    {
        var nodes = await NodesAsync(client, spec, ct);
        try
        {
            await client.SnapshotSaveAsync(JobId(guest), name, nodes[0], nodes, ct);
            await client.WaitForJobAsync(JobId(guest), JobTimeout, ct);
        }
        catch (Exception e) when (e is QmpException or TimeoutException)
        {
            // QEMU may have snapshotted some devices before failing: drop the tag where it landed.
            await DeleteAsync(client, guest, spec, name, ct);
            throw new OperationFailedException($"QEMU could not save the snapshot: {e.Message}", e);
        }
    }

    /// <summary>Loads RAM, devices and disks from the snapshot into the paused VM, then lets it run on.</summary>
    public static async Task LoadAsync(QmpClient client, GuestRecord guest, VmSpec spec, string name, CancellationToken ct)
    {
        await client.StopAsync(ct);
        var nodes = await NodesAsync(client, spec, ct);
        await client.SnapshotLoadAsync(JobId(guest), name, nodes[0], nodes, ct);
        await client.WaitForJobAsync(JobId(guest), JobTimeout, ct);
        if (!(await client.QueryStatusAsync(ct)).Running)
            await client.ContAsync(ct);
    }

    public static async Task DeleteAsync(QmpClient client, GuestRecord guest, VmSpec spec, string name, CancellationToken ct)
    {
        await SettleJobsAsync(client, ct);
        var nodes = await NodesAsync(client, spec, ct);
        await client.SnapshotDeleteAsync(JobId(guest), name, nodes, ct);
        await client.WaitForJobAsync(JobId(guest), JobTimeout, ct);
    }

    /// <summary>A daemon that died mid-job leaves QEMU's job running or concluded: wait for it and dismiss it.</summary>
    private static async Task SettleJobsAsync(QmpClient client, CancellationToken ct)
    {
        foreach (var job in (await client.QueryJobsAsync(ct)).Where(j => j.Id.StartsWith("carve-", StringComparison.Ordinal)))
        {
            try
            {
                await client.WaitForJobAsync(job.Id, JobTimeout, ct);
            }
            catch (QmpException)
            {
                // Its failure was reported to nobody; what matters is that the id is free again.
            }
        }
    }

    private static string JobId(GuestRecord guest) => $"carve-snap-{guest.Id}";

    /// <summary>The drives a snapshot covers: every disk, and the UEFI variable store.</summary>
    private static List<string> Devices(VmSpec spec) =>
        [.. spec.Disks.Select(d => d.Name), .. spec.EfiVars is null ? [] : new[] { VarsDevice }];

    private static async Task<List<string>> NodesAsync(QmpClient client, VmSpec spec, CancellationToken ct)
    {
        var block = await client.QueryBlockAsync(ct);
        return Devices(spec).Select(device =>
            block.FirstOrDefault(b => b.Device == device)?.NodeName
            ?? throw new OperationFailedException($"The running QEMU has no drive '{device}'; restart the VM to apply its disk changes.")).ToList();
    }
}
