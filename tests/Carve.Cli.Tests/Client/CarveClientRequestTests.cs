using System.Net;
using System.Text.Json;
using Carve.Cli.Tests.Fakes;
using Carve.Client;
using Carve.Client.Connection;
using Carve.Contracts.Auth;
using Carve.Contracts.Vms;

namespace Carve.Cli.Tests.Client;

public sealed class CarveClientRequestTests
{
    private const string Accepted = """{"taskId":"42","status":"queued"}""";

    private static (CarveClient Client, FakeHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> respond, CarveConnection? connection = null)
    {
        var handler = new FakeHandler(respond);
        return (new CarveClient(connection ?? CarveConnection.ForSocket("/x.sock"), handler), handler);
    }

    [Fact]
    public async Task Delete_escapes_the_ref_and_sends_force()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            var accepted = await client.DeleteVmAsync("web 1", force: true, CancellationToken.None);
            Assert.Equal("42", accepted.TaskId);
        }
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("http://localhost/api/v1/vms/web%201?force=true", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Lifecycle_paths()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            await client.StartVmAsync("101", CancellationToken.None);
            await client.StopVmAsync("web1", CancellationToken.None);
            await client.ShutdownVmAsync("web1", 30, CancellationToken.None);
            await client.ShutdownVmAsync("web1", null, CancellationToken.None);
            await client.RebootVmAsync("web1", CancellationToken.None);
        }
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.Equal(
            ["/api/v1/vms/101/start", "/api/v1/vms/web1/stop", "/api/v1/vms/web1/shutdown?timeout=30", "/api/v1/vms/web1/shutdown", "/api/v1/vms/web1/reboot"],
            handler.Requests.Select(r => r.Uri.PathAndQuery));
    }

    [Fact]
    public async Task Create_sends_camel_case_json_without_nulls()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            await client.CreateVmAsync(
                new CreateVmRequest { Name = "web1", MemoryMiB = 1024, Disks = [new DiskRequest { Size = "8G" }] },
                CancellationToken.None);
        }
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/api/v1/vms", request.Uri.AbsolutePath);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("web1", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(1024, body.RootElement.GetProperty("memoryMiB").GetInt32());
        Assert.Equal("8G", body.RootElement.GetProperty("disks")[0].GetProperty("size").GetString());
        Assert.False(body.RootElement.TryGetProperty("nics", out _));
        Assert.False(body.RootElement.GetProperty("disks")[0].TryGetProperty("import", out _));
    }

    [Fact]
    public async Task Set_is_a_patch()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
            await client.SetVmAsync("web1", new SetVmRequest { Cpus = 2, ResizeDisks = [new DiskResize { Disk = "disk0", Size = "+2G" }] }, CancellationToken.None);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Contains("\"resizeDisks\":[{\"disk\":\"disk0\",\"size\":\"+2G\"}]", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_connections_send_the_bearer_token()
    {
        var (client, handler) = Create(
            _ => FakeHandler.Json(HttpStatusCode.OK, "[]"),
            CarveConnection.ForUrl(new Uri("https://host:8006"), "s3cret"));
        using (client)
            await client.ListTokensAsync(CancellationToken.None);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://host:8006/api/v1/tokens", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer s3cret", request.Authorization);
    }

    [Fact]
    public async Task Token_create_and_delete()
    {
        var (client, handler) = Create(r => r.Method == HttpMethod.Delete
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : FakeHandler.Json(HttpStatusCode.Created, """{"name":"ci","role":"operator","secret":"abc"}"""));
        using (client)
        {
            var created = await client.CreateTokenAsync(new CreateTokenRequest { Name = "ci", Role = Roles.Operator }, CancellationToken.None);
            Assert.Equal("abc", created.Secret);
            await client.DeleteTokenAsync("ci", CancellationToken.None);
        }
        Assert.Equal("/api/v1/tokens/ci", handler.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Task_list_query()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.OK, "[]"));
        using (client)
        {
            await client.ListTasksAsync(5, "web1", CancellationToken.None);
            await client.ListTasksAsync(null, null, CancellationToken.None);
        }
        Assert.Equal(["/api/v1/tasks?limit=5&guest=web1", "/api/v1/tasks"], handler.Requests.Select(r => r.Uri.PathAndQuery));
    }

    [Fact]
    public async Task Wait_loops_until_the_task_has_finished()
    {
        var calls = 0;
        var (client, handler) = Create(_ => FakeHandler.Json(
            HttpStatusCode.OK,
            $$"""{"id":"7","type":"vm.start","user":"root","status":"{{(++calls < 3 ? "running" : "succeeded")}}"}"""));
        using (client)
        {
            var task = await client.WaitTaskAsync("7", CancellationToken.None);
            Assert.Equal("succeeded", task.Status);
        }
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/api/v1/tasks/7/wait?timeout=30", r.Uri.PathAndQuery));
    }

    [Fact]
    public async Task Follow_reads_the_event_stream()
    {
        var (client, handler) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("data: {\"kind\":\"log\",\"text\":\"hi\"}\n\ndata: {\"kind\":\"status\",\"status\":\"succeeded\"}\n\n", System.Text.Encoding.UTF8, "text/event-stream"),
        });
        var kinds = new List<string>();
        using (client)
        {
            await foreach (var taskEvent in client.FollowTaskAsync("7", CancellationToken.None))
                kinds.Add(taskEvent.Kind);
        }
        Assert.Equal(["log", "status"], kinds);
        Assert.Equal("/api/v1/tasks/7/events", Assert.Single(handler.Requests).Uri.PathAndQuery);
    }
}
