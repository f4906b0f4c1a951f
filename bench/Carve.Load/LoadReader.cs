using Carve.Client;

namespace Carve.Load;

/// <summary>One API client that lists everything a dashboard shows (guests, containers, tasks) until the deadline.</summary>
public sealed class LoadReader(CarveClient client, LoadRecorder recorder)
{
    public async Task RunAsync(DateTime deadlineUtc, CancellationToken ct)
    {
        while (DateTime.UtcNow < deadlineUtc)
        {
            await recorder.TimeAsync("list guests", () => client.ListGuestsAsync(ct));
            await recorder.TimeAsync("list cts", () => client.ListCtsAsync(ct));
            await recorder.TimeAsync("list tasks", () => client.ListTasksAsync(null, null, ct));
        }
    }
}
