using System.Globalization;
using System.Runtime.CompilerServices;
using Carve.Client.Http;
using Carve.Client.Tasks;
using Carve.Contracts.Tasks;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>One call to the wait endpoint is capped at this; <see cref="WaitTaskAsync(string, CancellationToken)"/> loops.</summary>
    private static readonly TimeSpan WaitSlice = TimeSpan.FromSeconds(30);

    /// <summary>GET /tasks?limit=&amp;guest=.</summary>
    public Task<IReadOnlyList<TaskView>> ListTasksAsync(int? limit, string? guest, CancellationToken ct)
    {
        var query = new List<string>();
        if (limit is { } n)
            query.Add("limit=" + n.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(guest))
            query.Add("guest=" + Segment(guest));
        return GetJsonAsync<IReadOnlyList<TaskView>>("tasks" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), ct);
    }

    /// <summary>GET /tasks/{id}, with its log.</summary>
    public Task<TaskView> GetTaskAsync(string id, CancellationToken ct) => GetJsonAsync<TaskView>(TaskPath(id), ct);

    /// <summary>GET /tasks/{id}/wait?timeout=: returns when the task finished or the timeout passed, whichever is first.</summary>
    public Task<TaskView> WaitTaskOnceAsync(string id, TimeSpan timeout, CancellationToken ct) =>
        GetJsonAsync<TaskView>($"{TaskPath(id)}/wait?timeout={(int)Math.Ceiling(timeout.TotalSeconds)}", ct);

    /// <summary>Waits until the task has finished, however long that takes.</summary>
    public async Task<TaskView> WaitTaskAsync(string id, CancellationToken ct)
    {
        while (true)
        {
            var task = await WaitTaskOnceAsync(id, WaitSlice, ct);
            if (TaskStates.IsFinished(task.Status))
                return task;
        }
    }

    /// <summary>GET /tasks/{id}/events: log lines, progress and status as they happen, up to the final status.</summary>
    public async IAsyncEnumerable<TaskEvent> FollowTaskAsync(string id, [EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, TaskPath(id) + "/events", null, ct, HttpCompletionOption.ResponseHeadersRead);
        Stream stream;
        try
        {
            stream = await response.Content.ReadAsStreamAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw ConnectionErrors.Describe(Connection, e);
        }
        await using (stream)
        {
            var events = TaskEventReader.ReadAsync(stream, ct).GetAsyncEnumerator(ct);
            await using (events)
            {
                while (true)
                {
                    try
                    {
                        if (!await events.MoveNextAsync())
                            yield break;
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException)
                    {
                        throw ConnectionErrors.Describe(Connection, e);
                    }
                    yield return events.Current;
                }
            }
        }
    }

    private static string TaskPath(string id) => "tasks/" + Segment(id);
}
