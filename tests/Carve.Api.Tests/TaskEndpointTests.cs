using System.Net;
using System.Text.Json.Nodes;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

public sealed class TaskEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Socket => fixture.Server.Socket;

    private async Task<string> CreateAndWait(string name)
    {
        var taskId = await Rest.CreateVm(Socket, new { name, nics = Array.Empty<object>() });
        await Rest.ExpectSucceeded(Socket, taskId);
        return taskId;
    }

    /// <summary>The JSON of each "data:" line of a server-sent event stream.</summary>
    private static List<JsonNode> DataEvents(string stream) =>
        stream.Split('\n')
            .Where(line => line.StartsWith("data: ", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line["data: ".Length..])!)
            .ToList();

    [Fact]
    public async Task The_task_list_is_newest_first()
    {
        var older = await CreateAndWait("older");
        await Task.Delay(20);
        var newer = await CreateAndWait("newer");

        var tasks = await Rest.GetArray(Socket, "/api/v1/tasks");
        var ids = tasks.Select(t => (string)t!["id"]!).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), "the newer task should come first");
        Assert.True(ids.IndexOf(older) >= 0);
        var times = tasks.Select(t => DateTimeOffset.Parse((string)t!["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task The_task_list_filters_by_guest_and_honours_the_limit()
    {
        var mine = await CreateAndWait("filtered");
        await CreateAndWait("other-guest");

        var tasks = await Rest.GetArray(Socket, "/api/v1/tasks?guest=filtered");
        Assert.Equal([mine], tasks.Select(t => (string?)t!["id"]));
        Assert.Single(await Rest.GetArray(Socket, "/api/v1/tasks?limit=1"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_task_list_limit_below_one_is_a_400(string limit)
    {
        using var response = await Socket.GetAsync($"/api/v1/tasks?limit={limit}");
        Assert.Contains("limit must be 1 or more", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Waiting_a_negative_time_for_a_task_is_a_400()
    {
        var taskId = await CreateAndWait("impatient");
        using var response = await Socket.GetAsync($"/api/v1/tasks/{taskId}/wait?timeout=-1");
        Assert.Contains("0 or more seconds", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_task_shows_its_log()
    {
        var taskId = await CreateAndWait("logged");
        using var response = await Socket.GetAsync($"/api/v1/tasks/{taskId}");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        var task = await Rest.ReadJson(response);
        Assert.Equal(("succeeded", 100), ((string?)task["status"], (int)task["progress"]!));
        Assert.Contains(task["log"]!.AsArray(), l => ((string?)l!["text"])!.StartsWith("Created vm logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_events_of_a_finished_task_are_an_event_stream_ending_with_its_status()
    {
        var taskId = await CreateAndWait("evented");
        using var response = await Socket.GetAsync($"/api/v1/tasks/{taskId}/events");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = DataEvents(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(events);
        var last = events[^1];
        Assert.Equal(("status", "succeeded"), ((string?)last["kind"], (string?)last["status"]));
        Assert.All(events.SkipLast(1), e => Assert.Equal("log", (string?)e["kind"]));
        Assert.Contains(events, e => ((string?)e["text"])?.StartsWith("Created vm evented", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Following_a_task_as_it_runs_ends_with_its_status()
    {
        // Read the stream from the moment the task is accepted: it may still be running.
        var image = Path.Combine(fixture.Server.Dirs.Images, "follow.qcow2");
        await QemuImg.Create(image, "64M");
        var taskId = await Rest.CreateVm(Socket, new { name = "followed", disks = new[] { new { import = image } } });
        using var response = await Socket.GetAsync($"/api/v1/tasks/{taskId}/events");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);

        var events = DataEvents(await response.Content.ReadAsStringAsync());
        Assert.Equal(("status", "succeeded"), ((string?)events[^1]["kind"], (string?)events[^1]["status"]));
        Assert.Single(events, e => (string?)e["kind"] == "status");
    }

    [Theory]
    [InlineData("/api/v1/tasks/nonexistent")]
    [InlineData("/api/v1/tasks/nonexistent/wait")]
    [InlineData("/api/v1/tasks/nonexistent/events")]
    public async Task An_unknown_task_is_a_404_problem(string path)
    {
        using var response = await Socket.GetAsync(path);
        Assert.Contains("nonexistent", await Rest.ExpectProblem(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Tasks_of_an_unknown_guest_are_a_404_problem()
    {
        using var response = await Socket.GetAsync("/api/v1/tasks?guest=ghost");
        await Rest.ExpectProblem(response, HttpStatusCode.NotFound);
    }
}
