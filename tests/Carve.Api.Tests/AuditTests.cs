using System.Net;
using System.Text.Json.Nodes;
using Carve.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Carve.Api.Tests;

/// <summary>Every state change is in the audit log: who, from where, what and the result, never a secret.</summary>
public sealed class AuditTests : IAsyncLifetime
{
    private CarveServer? _server;

    private CarveServer Server => _server ?? throw new InvalidOperationException("not started");

    // A route mapped outside the API's groups, as a future one might be: the log must still see it.
    public async Task InitializeAsync() => _server = await CarveServer.StartOnNewDirsAsync(endpoints =>
        endpoints.MapPost("/api/v1/test-only/busy/{ref}", string (string @ref) => throw new Core.Errors.ConflictException("The guest is busy.")));

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task<JsonArray> Audit(string query = "") => await Rest.GetArray(Server.Socket, "/api/v1/audit" + query);

    private async Task<JsonNode> Latest(Func<JsonNode, bool> match) => (await Audit()).First(e => match(e!))!;

    private async Task<string> NewToken(string name, string role)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name, role }));
        await Rest.ExpectStatus(response, HttpStatusCode.Created);
        return (string)(await Rest.ReadJson(response))["secret"]!;
    }

    [Fact]
    public async Task A_change_over_the_socket_is_root_at_local_from_the_socket()
    {
        await NewToken("audited", "viewer");
        var entry = await Latest(e => (string?)e["path"] == "/api/v1/tokens");
        Assert.Equal(("root@local", "socket", "POST", "/api/v1/tokens", 201),
            ((string?)entry["user"], (string?)entry["source"], (string?)entry["method"], (string?)entry["route"], (int)entry["status"]!));
        var text = (await Audit()).ToJsonString();
        Assert.DoesNotContain("carve_", text);
    }

    [Fact]
    public async Task A_failed_login_names_the_user_tried_and_the_address_but_not_the_password()
    {
        using (var login = await Server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username = "mallory", password = "guess-number-one" })))
            await Rest.ExpectProblem(login, HttpStatusCode.Unauthorized);
        var entry = await Latest(e => (string?)e["user"] == "mallory");
        Assert.Equal(("127.0.0.1", "/api/v1/auth/login", 401), ((string?)entry["source"], (string?)entry["route"], (int)entry["status"]!));
        Assert.DoesNotContain("guess-number-one", (await Audit()).ToJsonString());
    }

    [Fact]
    public async Task A_good_login_is_recorded_as_the_user()
    {
        var password = File.ReadAllText(Server.Dirs.AdminPasswordFile).Trim();
        await Sessions.LoginAsync(Server, "admin", password);
        Assert.Contains(await Audit("?user=admin"), e => (string?)e!["route"] == "/api/v1/auth/login" && (int)e["status"]! == 200);
        Assert.DoesNotContain(password, (await Audit()).ToJsonString());
    }

    [Fact]
    public async Task A_long_operation_records_its_task_and_its_guest()
    {
        var taskId = await Rest.CreateVm(Server.Https(await NewToken("creator", "operator")), new { name = "audited-vm", nics = Array.Empty<object>() });
        var entry = await Latest(e => (string?)e["taskId"] == taskId);
        Assert.Equal(("token:creator", "/api/v1/vms", 202, "audited-vm"),
            ((string?)entry["user"], (string?)entry["route"], (int)entry["status"]!, (string?)entry["guest"]));
    }

    [Fact]
    public async Task A_refused_change_is_recorded_with_its_403()
    {
        var viewer = Server.Https(await NewToken("looker", "viewer"));
        using (var refused = await viewer.DeleteAsync("/api/v1/vms/someone"))
            await Rest.ExpectProblem(refused, HttpStatusCode.Forbidden);
        var entry = await Latest(e => (string?)e["user"] == "token:looker" && (string?)e["method"] == "DELETE");
        Assert.Equal(("/api/v1/vms/{ref}", "/api/v1/vms/someone", "someone", 403),
            ((string?)entry["route"], (string?)entry["path"], (string?)entry["guest"], (int)entry["status"]!));
    }

    [Fact]
    public async Task A_route_outside_the_api_groups_is_recorded_with_the_status_its_error_became()
    {
        using (var busy = await Server.Socket.PostAsync("/api/v1/test-only/busy/db1", null))
            await Rest.ExpectProblem(busy, HttpStatusCode.Conflict);
        var entry = await Latest(e => (string?)e["path"] == "/api/v1/test-only/busy/db1");
        Assert.Equal(("/api/v1/test-only/busy/{ref}", "db1", 409), ((string?)entry["route"], (string?)entry["guest"], (int)entry["status"]!));
    }

    [Fact]
    public async Task Reads_and_strangers_without_credentials_are_not_recorded()
    {
        using (var read = await Server.Socket.GetAsync("/api/v1/vms"))
            await Rest.ExpectStatus(read, HttpStatusCode.OK);
        using (var stranger = await Server.Https().PostAsync("/api/v1/vms", Rest.Json(new { name = "knock" })))
            await Rest.ExpectProblem(stranger, HttpStatusCode.Unauthorized);
        var entries = await Audit();
        Assert.DoesNotContain(entries, e => (string?)e!["method"] == "GET");
        Assert.DoesNotContain(entries, e => (string?)e!["user"] == "anonymous" && (string?)e["path"] == "/api/v1/vms");
    }

    [Fact]
    public async Task User_and_since_filter_and_only_admins_may_read_it()
    {
        await NewToken("filtered", "viewer");
        Assert.All(await Audit("?user=root@local"), e => Assert.Equal("root@local", (string?)e!["user"]));
        Assert.Empty(await Audit("?since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))));
        Assert.NotEmpty(await Audit("?since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))));

        using (var bad = await Server.Socket.GetAsync("/api/v1/audit?since=yesterday"))
            await Rest.ExpectProblem(bad, HttpStatusCode.BadRequest);
        using var operatorRead = await Server.Https(await NewToken("auditor", "operator")).GetAsync("/api/v1/audit");
        Assert.Contains("Only admins", await Rest.ExpectProblem(operatorRead, HttpStatusCode.Forbidden));
    }
}
