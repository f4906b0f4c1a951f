using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Carve.Client.Errors;
using Carve.Contracts;
using Carve.Contracts.Tasks;

namespace Carve.Client.Tasks;

/// <summary>Reads GET /tasks/{id}/events: one TaskEvent per "data:" event, up to the final status.</summary>
public static class TaskEventReader
{
    public static async IAsyncEnumerable<TaskEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var parser = SseParser.Create(stream, static (_, data) => Parse(data));
        await foreach (var item in parser.EnumerateAsync(ct))
        {
            if (item.Data is not { } taskEvent)
                continue;
            yield return taskEvent;
            if (IsFinal(taskEvent))
                yield break;
        }
    }

    /// <summary>True for the event after which the daemon ends the stream.</summary>
    public static bool IsFinal(TaskEvent taskEvent) =>
        taskEvent.Kind == "status" && taskEvent.Status is { } status && TaskStates.IsFinished(status);

    private static TaskEvent? Parse(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return null;
        try
        {
            return JsonSerializer.Deserialize(data, CarveJson.TypeInfo<TaskEvent>());
        }
        catch (JsonException e)
        {
            throw new CarveProtocolException($"carved sent a task event this client cannot read: {e.Message}", e);
        }
    }
}
