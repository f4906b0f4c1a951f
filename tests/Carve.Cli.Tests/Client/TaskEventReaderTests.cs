using System.Text;
using Carve.Client.Errors;
using Carve.Client.Tasks;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Tests.Client;

public sealed class TaskEventReaderTests
{
    private static async Task<List<TaskEvent>> Read(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var events = new List<TaskEvent>();
        await foreach (var taskEvent in TaskEventReader.ReadAsync(stream, CancellationToken.None))
            events.Add(taskEvent);
        return events;
    }

    [Fact]
    public async Task Reads_log_progress_and_final_status()
    {
        var events = await Read(
            "data: {\"kind\":\"log\",\"text\":\"Creating disk0\",\"time\":\"2025-01-01T00:00:00Z\"}\n\n" +
            "data: {\"kind\":\"progress\",\"progress\":50}\n\n" +
            "data: {\"kind\":\"status\",\"status\":\"succeeded\"}\n\n");
        Assert.Equal(["log", "progress", "status"], events.Select(e => e.Kind));
        Assert.Equal("Creating disk0", events[0].Text);
        Assert.Equal(50, events[1].Progress);
        Assert.True(TaskEventReader.IsFinal(events[2]));
    }

    [Fact]
    public async Task Stops_after_the_final_status_even_if_more_follows()
    {
        var events = await Read(
            "data: {\"kind\":\"status\",\"status\":\"failed\",\"error\":\"Disk full.\"}\n\n" +
            "data: {\"kind\":\"log\",\"text\":\"late\"}\n\n");
        var only = Assert.Single(events);
        Assert.Equal("Disk full.", only.Error);
    }

    [Fact]
    public async Task A_running_status_is_not_final()
    {
        var events = await Read(
            "data: {\"kind\":\"status\",\"status\":\"running\"}\n\n" +
            "data: {\"kind\":\"status\",\"status\":\"succeeded\"}\n\n");
        Assert.Equal(2, events.Count);
        Assert.False(TaskEventReader.IsFinal(events[0]));
    }

    [Fact]
    public async Task Comments_other_fields_and_crlf_are_handled()
    {
        var events = await Read(
            ": keep-alive\r\n\r\n" +
            "event: task\r\nid: 7\r\nretry: 1000\r\ndata: {\"kind\":\"log\",\"text\":\"a\"}\r\n\r\n" +
            "data:{\"kind\":\"log\",\"text\":\"no space after colon\"}\n\n");
        Assert.Equal(["a", "no space after colon"], events.Select(e => e.Text));
    }

    [Fact]
    public async Task Data_split_over_several_lines_is_joined()
    {
        var events = await Read("data: {\"kind\":\"log\",\ndata: \"text\":\"joined\"}\n\n");
        Assert.Equal("joined", Assert.Single(events).Text);
    }

    [Fact]
    public async Task Unknown_fields_from_a_newer_daemon_are_ignored()
    {
        var events = await Read("data: {\"kind\":\"log\",\"text\":\"x\",\"step\":\"copy\"}\n\n");
        Assert.Equal("x", Assert.Single(events).Text);
    }

    [Fact]
    public async Task A_stream_that_ends_early_yields_what_came()
    {
        var events = await Read("data: {\"kind\":\"log\",\"text\":\"a\"}\n\ndata: {\"kind\":\"log\",\"text\":\"cut");
        Assert.Equal("a", events[0].Text);
        Assert.DoesNotContain(events, e => TaskEventReader.IsFinal(e));
    }

    [Fact]
    public async Task Malformed_json_is_a_protocol_error()
    {
        await Assert.ThrowsAsync<CarveProtocolException>(() => Read("data: {kind:log}\n\n"));
    }
}
