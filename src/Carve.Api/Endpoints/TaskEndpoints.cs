using System.Text.Json;
using Carve.Api.Auth;
using Carve.Contracts;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class TaskEndpoints
{
    private const int MaxWaitSeconds = 600;
    private const int MaxListed = 1000;

    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        tasks.MapGet("", (int? limit, string? guest, TaskRunner runner, GuestStore guests, HttpContext http) =>
            {
                if (guest is not null)
                    http.RequireMayUse(guest);
                return TypedResults.Ok(http.Visible(runner.List(ListLimit.Of(limit, 100, MaxListed), guest is null ? null : guests.Resolve(guest).Id), t => t.Guest));
            })
            .WithSummary("Recent tasks, newest first");
        tasks.MapGet("/{id}", (string id, TaskRunner runner, HttpContext http) => TypedResults.Ok(Find(http, runner, id)))
            .WithSummary("A task with its log").Problems();
        tasks.MapGet("/{id}/wait", async (string id, int? timeout, TaskRunner runner, HttpContext http, CancellationToken ct) =>
            {
                var seconds = WaitSeconds(timeout);
                Find(http, runner, id);
                return TypedResults.Ok(await runner.WaitAsync(id, TimeSpan.FromSeconds(seconds), ct));
            })
            .WithSummary($"Wait until a task ends (or timeout seconds pass, at most {MaxWaitSeconds}) and return it").Problems();
        tasks.MapGet("/{id}/events", FollowAsync)
            .WithSummary("Follow a task as text/event-stream: log, progress and a final status event")
            .Produces<TaskEvent>(200, "text/event-stream");
    }

    private static async Task FollowAsync(string id, HttpContext http, TaskRunner runner, CancellationToken ct)
    {
        Find(http, runner, id);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await foreach (var e in runner.FollowAsync(id, ct))
        {
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(e, CarveJson.TypeInfo<TaskEvent>())}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }
    }

    /// <summary>A negative wait is a mistake, refused as the lifecycle timeouts are; a long one is capped.</summary>
    private static int WaitSeconds(int? timeout) => timeout switch
    {
        null => 60,
        < 0 => throw new BadRequestException($"The timeout must be 0 or more seconds, not {timeout}."),
        _ => Math.Min(timeout.Value, MaxWaitSeconds),
    };

    private static TaskView Find(HttpContext http, TaskRunner runner, string id)
    {
        var task = runner.Find(id) ?? throw new NotFoundException($"There is no task '{Core.Validation.Names.Printable(id)}'.");
        return http.RequireVisible(task, task.Guest);
    }
}
