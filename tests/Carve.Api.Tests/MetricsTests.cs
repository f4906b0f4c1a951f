using System.Net;
using Carve.Api.Tests.Support;
using Carve.Core.Configuration;

namespace Carve.Api.Tests;

/// <summary>GET /metrics: the Prometheus text format, for callers that may see every guest (or anyone, when public).</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private CarveServer? _server;
    private CarveServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _server = await CarveServer.StartOnNewDirsAsync();
        await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name = "web", nics = Array.Empty<object>(), memoryMiB = 256 }));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task<string> Token(string name, string role, string[]? guests = null)
    {
        using var created = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name, role, guests }));
        await Rest.ExpectStatus(created, HttpStatusCode.Created);
        return (string)(await Rest.ReadJson(created))["secret"]!;
    }

    private static async Task<string> Scrape(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_viewer_token_scrapes_guests_host_tasks_and_requests()
    {
        var viewer = Server.Https(await Token("prometheus", "viewer"));
        await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name = "counted", nics = Array.Empty<object>() }));
        await Rest.GetArray(viewer, "/api/v1/guests");
        var text = await Scrape(viewer);
        Assert.Contains("# TYPE carve_guest_up gauge", text, StringComparison.Ordinal);
        Assert.Contains("carve_guest_up{guest=\"web\",id=\"100\",kind=\"vm\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("carve_guest_memory_limit_bytes{guest=\"web\",id=\"100\",kind=\"vm\"} 268435456", text, StringComparison.Ordinal);
        // A stopped guest uses nothing: no CPU or memory series for it.
        Assert.DoesNotContain("carve_guest_cpu_seconds_total{guest=\"web\"", text, StringComparison.Ordinal);
        Assert.Matches(@"carve_host_memory_total_bytes [1-9][0-9]+", text);
        // web at the start, counted at the end: two creates since carved started.
        Assert.Contains("carve_tasks_total{type=\"vm-create\",result=\"succeeded\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("carve_task_duration_seconds_count{type=\"vm-create\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("carve_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/guests\",code=\"200\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_guests_series_go()
    {
        await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name = "brief", nics = Array.Empty<object>() }));
        var viewer = Server.Https(await Token("scraper", "viewer"));
        Assert.Contains("carve_guest_up{guest=\"brief\"", await Scrape(viewer), StringComparison.Ordinal);
        using (var delete = await Server.Socket.DeleteAsync("/api/v1/vms/brief"))
            await Rest.ExpectSucceeded(Server.Socket, (string)(await Rest.ReadJson(delete))["taskId"]!);
        Assert.DoesNotContain("guest=\"brief\"", await Scrape(viewer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_it_is_401_and_for_a_token_limited_to_some_guests_403()
    {
        using (var anonymous = await Server.Https().GetAsync("/metrics"))
            await Rest.ExpectProblem(anonymous, HttpStatusCode.Unauthorized);
        var limited = Server.Https(await Token("one-guest", "viewer", ["web"]));
        using var refused = await limited.GetAsync("/metrics");
        Assert.Contains("limited to some guests", await Rest.ExpectProblem(refused, HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_metrics_public_anyone_may_scrape()
    {
        await using var open = await CarveServer.StartOnNewDirsAsync(metrics: new MetricsOptions { Public = true });
        Assert.Contains("carve_host_cpus ", await Scrape(open.Https()), StringComparison.Ordinal);
    }
}
