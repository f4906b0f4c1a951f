using System.Net;
using System.Text.Json;
using Carve.Cli.Tests.Fakes;
using Carve.Client;
using Carve.Client.Connection;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;

namespace Carve.Cli.Tests.Client;

public sealed class CtClientRequestTests
{
    private const string Accepted = """{"taskId":"42","status":"queued"}""";

    private static (CarveClient Client, FakeHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new FakeHandler(respond);
        return (new CarveClient(CarveConnection.ForSocket("/x.sock"), handler), handler);
    }

    [Fact]
    public async Task Lifecycle_paths_are_under_cts()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            await client.StartCtAsync("c1", CancellationToken.None);
            await client.StopCtAsync("101", CancellationToken.None);
            await client.ShutdownCtAsync("c1", 10, CancellationToken.None);
            await client.RebootCtAsync("c1", CancellationToken.None);
            await client.DeleteCtAsync("c 1", force: false, CancellationToken.None);
        }
        Assert.Equal(
            ["POST /api/v1/cts/c1/start", "POST /api/v1/cts/101/stop", "POST /api/v1/cts/c1/shutdown?timeout=10", "POST /api/v1/cts/c1/reboot", "DELETE /api/v1/cts/c%201?force=false"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.PathAndQuery}"));
    }

    [Fact]
    public async Task Create_sends_the_request_with_mounts()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            await client.CreateCtAsync(
                new CreateCtRequest { Name = "c1", Template = "busybox", Mounts = [new MountRequest { Host = "/tank", Guest = "/data", ReadOnly = true }] },
                CancellationToken.None);
        }
        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "/api/v1/cts"), (request.Method, request.Uri.AbsolutePath));
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("busybox", body.RootElement.GetProperty("template").GetString());
        var mount = body.RootElement.GetProperty("mounts")[0];
        Assert.Equal(("/tank", "/data", true), (mount.GetProperty("host").GetString(), mount.GetProperty("guest").GetString(), mount.GetProperty("readOnly").GetBoolean()));
        Assert.False(body.RootElement.TryGetProperty("hostname", out _));
    }

    [Fact]
    public async Task Set_is_a_patch_of_only_what_is_given()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
            await client.SetCtAsync("c1", new SetCtRequest { MemoryMiB = 256 }, CancellationToken.None);
        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Patch, "/api/v1/cts/c1"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal("""{"memoryMiB":256}""", request.Body);
    }

    [Fact]
    public async Task A_boot_policy_change_sends_only_the_given_fields()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
            await client.SetCtAsync("c1", new SetCtRequest { Boot = new BootPolicy { OnBoot = true, Order = 2, Restart = RestartPolicies.OnCrash } }, CancellationToken.None);
        Assert.Equal("""{"boot":{"onBoot":true,"order":2,"restart":"on-crash"}}""", Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task Start_and_stop_of_all_guests_post_to_the_host()
    {
        var (client, handler) = Create(_ => FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            await client.StartOnBootGuestsAsync(CancellationToken.None);
            await client.StopAllGuestsAsync(CancellationToken.None);
        }
        Assert.Equal(
            [(HttpMethod.Post, "/api/v1/host/start-guests"), (HttpMethod.Post, "/api/v1/host/stop-guests")],
            handler.Requests.Select(r => (r.Method, r.Uri.AbsolutePath)));
    }

    [Fact]
    public async Task Show_and_list_read_ct_views()
    {
        const string View = """{"id":101,"name":"c1","status":"running","config":{"cpus":1,"memoryMiB":512,"hostname":"c1","template":"busybox","mounts":[{"host":"/tank","guest":"/data","readOnly":true}]},"runtime":{"initPid":4242,"oomKills":0}}""";
        var (client, handler) = Create(r => FakeHandler.Json(HttpStatusCode.OK, r.RequestUri!.AbsolutePath.EndsWith("/cts", StringComparison.Ordinal) ? $"[{View}]" : View));
        using (client)
        {
            var one = await client.GetCtAsync("c1", CancellationToken.None);
            Assert.Equal(4242, one.Runtime?.InitPid);
            Assert.True(Assert.Single(one.Config.Mounts).ReadOnly);
            Assert.Equal("c1", Assert.Single(await client.ListCtsAsync(CancellationToken.None)).Name);
        }
        Assert.Equal(["/api/v1/cts/c1", "/api/v1/cts"], handler.Requests.Select(r => r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task Console_log_is_copied_from_the_ct_path()
    {
        var (client, handler) = Create(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("booted\n") });
        var log = new MemoryStream();
        using (client)
            await client.CopyCtConsoleLogAsync("c1", log, CancellationToken.None);
        Assert.Equal("booted\n", System.Text.Encoding.UTF8.GetString(log.ToArray()));
        Assert.Equal("/api/v1/cts/c1/console/log", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Templates_list_and_build()
    {
        var (client, handler) = Create(r => r.Method == HttpMethod.Get
            ? FakeHandler.Json(HttpStatusCode.OK, """[{"name":"busybox","source":"builtin","ready":true,"sizeBytes":2048}]""")
            : FakeHandler.Json(HttpStatusCode.Accepted, Accepted));
        using (client)
        {
            Assert.True(Assert.Single(await client.ListTemplatesAsync(CancellationToken.None)).Ready);
            await client.BuildTemplateAsync(new BuildTemplateRequest { Suite = "trixie" }, CancellationToken.None);
        }
        Assert.Equal(["GET /api/v1/templates", "POST /api/v1/templates/build"], handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.Equal("""{"distribution":"debian","suite":"trixie"}""", handler.Requests[1].Body);
    }
}
