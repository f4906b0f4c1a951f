using Carve.Client;
using Carve.Client.Errors;
using Carve.Contracts.Containers;
using Carve.Contracts.Snapshots;
using Carve.Contracts.Tasks;

namespace Carve.Load;

/// <summary>
/// One API client that cycles a container of its own through create, start, snapshot, stop and delete, waiting for
/// each task, until the run's deadline; it always finishes the cycle it is in.
/// </summary>
public sealed class LoadWriter(CarveClient client, LoadRecorder recorder, string namePrefix, int index)
{
    private const int BusyRetries = 50;
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(100);

    /// <summary>Cycles done to the end, delete included.</summary>
    public int Cycles { get; private set; }

    public async Task RunAsync(DateTime deadlineUtc, CancellationToken ct)
    {
        for (var iteration = 0; DateTime.UtcNow < deadlineUtc; iteration++)
        {
            var name = $"{namePrefix}-w{index}-{iteration}";
            if (await CycleAsync(name, ct))
                Cycles++;
            else
                await CleanUpAsync(name, ct);
        }
    }

    private async Task<bool> CycleAsync(string name, CancellationToken ct) =>
        await StepAsync("create", () => client.CreateCtAsync(new CreateCtRequest { Name = name, Template = "busybox", MemoryMiB = 64 }, ct), ct)
        && await StepAsync("start", () => client.StartCtAsync(name, ct), ct)
        && await StepAsync("snapshot", () => client.CreateSnapshotAsync(name, new CreateSnapshotRequest { Name = "s1" }, ct), ct)
        && await StepAsync("stop", () => client.StopCtAsync(name, ct), ct)
        && await StepAsync("delete", () => client.DeleteCtAsync(name, false, ct), ct);

    /// <summary>Submits a task and waits for it; the latency is the user's: from the request to the finished task.</summary>
    private async Task<bool> StepAsync(string operation, Func<Task<TaskAccepted>> submit, CancellationToken ct)
    {
        for (var attempt = 0; attempt < BusyRetries; attempt++)
        {
            var error = await recorder.TimeAsync(operation, () => SubmitAndWaitAsync(submit, ct));
            if (error is null)
                return true;
            if (error != ErrorKind.Busy)
                return false;
            await Task.Delay(BusyPause, ct);
        }
        return false;
    }

    private async Task SubmitAndWaitAsync(Func<Task<TaskAccepted>> submit, CancellationToken ct)
    {
        var task = await client.WaitTaskAsync((await submit()).TaskId, ct);
        if (task.Status != TaskStates.Succeeded)
            throw new TaskFailedException($"{task.Type}: {task.Error}");
    }

    /// <summary>After a failed step: the container goes, whatever state it was left in, so the run leaves nothing behind.</summary>
    private async Task CleanUpAsync(string name, CancellationToken ct) =>
        await recorder.TimeAsync("cleanup", async () =>
        {
            try
            {
                await SubmitAndWaitAsync(() => client.DeleteCtAsync(name, true, ct), ct);
            }
            catch (CarveApiException e) when (e.Status == 404)
            {
                // Never made, or already deleted.
            }
        });
}
