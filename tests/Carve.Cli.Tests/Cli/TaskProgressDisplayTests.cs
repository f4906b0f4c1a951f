using System.Net;
using Carve.Cli.Tasks;
using Carve.Cli.Tests.Fakes;
using Carve.Client;
using Carve.Client.Connection;

namespace Carve.Cli.Tests.Cli;

public sealed class TaskProgressDisplayTests
{
    [Fact]
    public async Task A_task_that_ends_at_once_shows_its_lines_without_a_bar()
    {
        using var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("data: {\"kind\":\"log\",\"text\":\"Started.\"}\n\ndata: {\"kind\":\"status\",\"status\":\"succeeded\"}\n\n"),
            }
            : FakeHandler.Json(HttpStatusCode.OK, """{"id":"7","type":"ct.start","user":"root","status":"succeeded"}"""));
        using var client = new CarveClient(CarveConnection.ForSocket("/x.sock"), handler);
        using var output = new StringWriter();
        var task = await TaskProgressDisplay.RunAsync(client, "7", "Starting b1", output, CancellationToken.None);
        Assert.Equal("succeeded", task.Status);
        Assert.Equal("  Started." + Environment.NewLine, output.ToString());
    }
}
