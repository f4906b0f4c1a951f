using System.Net;
using Carve.Cli.Tasks;
using Carve.Cli.Tests.Fakes;
using Carve.Client;
using Carve.Client.Connection;

namespace Carve.Cli.Tests.Cli;

public sealed class TaskStreamTests
{
    private const string Finished = """{"id":"7","type":"vm.create","user":"root","status":"succeeded","log":[{"time":"2025-01-01T00:00:00Z","text":"one"},{"time":"2025-01-01T00:00:01Z","text":"two"}]}""";

    [Fact]
    public async Task Events_give_the_lines_then_the_finished_task()
    {
        using var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    "data: {\"kind\":\"log\",\"text\":\"one\"}\n\ndata: {\"kind\":\"progress\",\"progress\":60}\n\n" +
                    "data: {\"kind\":\"log\",\"text\":\"two\"}\n\ndata: {\"kind\":\"status\",\"status\":\"succeeded\"}\n\n"),
            }
            : FakeHandler.Json(HttpStatusCode.OK, Finished));
        using var client = new CarveClient(CarveConnection.ForSocket("/x.sock"), handler);
        var lines = new List<string>();
        var progress = new List<int>();
        var task = await TaskStream.FollowAsync(client, "7", lines.Add, progress.Add, CancellationToken.None);
        Assert.Equal("succeeded", task.Status);
        Assert.Equal(["one", "two"], lines);
        Assert.Equal([60], progress);
        // The final event says how it ended: the task is not fetched once more.
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_failed_task_ends_with_the_error_of_its_final_event()
    {
        using var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("data: {\"kind\":\"status\",\"status\":\"failed\",\"error\":\"lxc-start failed\"}\n\n"),
        });
        using var client = new CarveClient(CarveConnection.ForSocket("/x.sock"), handler);
        var end = await TaskStream.FollowAsync(client, "7", _ => { }, _ => { }, CancellationToken.None);
        Assert.Equal(new TaskEnd("failed", "lxc-start failed"), end);
    }

    [Fact]
    public async Task Without_an_event_stream_it_polls_and_still_shows_every_line()
    {
        var polls = 0;
        using var handler = new FakeHandler(r =>
        {
            var path = r.RequestUri!.AbsolutePath;
            if (path.EndsWith("/events", StringComparison.Ordinal))
                return FakeHandler.Json(HttpStatusCode.NotFound, """{"detail":"No such endpoint."}""", "application/problem+json");
            return ++polls == 1
                ? FakeHandler.Json(HttpStatusCode.OK, """{"id":"7","type":"t","user":"u","status":"running","progress":10,"log":[{"time":"2025-01-01T00:00:00Z","text":"one"}]}""")
                : FakeHandler.Json(HttpStatusCode.OK, Finished);
        });
        using var client = new CarveClient(CarveConnection.ForSocket("/x.sock"), handler);
        var lines = new List<string>();
        var task = await TaskStream.FollowAsync(client, "7", lines.Add, _ => { }, CancellationToken.None);
        Assert.Equal("succeeded", task.Status);
        Assert.Equal(["one", "two"], lines);
        Assert.Contains(handler.Requests, r => r.Uri.PathAndQuery == "/api/v1/tasks/7/wait?timeout=2");
    }

    [Fact]
    public async Task A_stream_cut_short_continues_by_polling_without_repeating_lines()
    {
        using var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("data: {\"kind\":\"log\",\"text\":\"one\"}\n\n") }
            : FakeHandler.Json(HttpStatusCode.OK, Finished));
        using var client = new CarveClient(CarveConnection.ForSocket("/x.sock"), handler);
        var lines = new List<string>();
        await TaskStream.FollowAsync(client, "7", lines.Add, _ => { }, CancellationToken.None);
        Assert.Equal(["one", "two"], lines);
    }
}
