using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Over TCP every request needs a token whose role allows it; the unix socket needs none.</summary>
public sealed class TokenAuthTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;

    /// <summary>Makes a token over the trusted socket and returns its secret.</summary>
    private async Task<string> NewToken(string name, string role)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name, role }));
        await Rest.ExpectStatus(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tokens/{name}", response.Headers.Location?.OriginalString);
        var created = await Rest.ReadJson(response);
        Assert.Equal((name, role), ((string?)created["name"], (string?)created["role"]));
        var secret = (string)created["secret"]!;
        Assert.StartsWith("carve_", secret);
        return secret;
    }

    [Fact]
    public async Task No_token_over_tcp_is_a_401_problem()
    {
        using var response = await Server.Https().GetAsync("/api/v1/vms");
        Assert.Contains("Authentication required", await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("carve_madeup")]
    [InlineData("x")]
    public async Task A_bad_token_is_a_401_problem(string token)
    {
        using var response = await Server.Https(token).GetAsync("/api/v1/vms");
        Assert.Contains("not valid", await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task The_socket_needs_no_token_and_acts_as_local_root()
    {
        using var response = await Server.Socket.GetAsync("/api/v1/auth/whoami");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        var me = await Rest.ReadJson(response);
        Assert.Equal(("root@local", "admin"), ((string?)me["user"], (string?)me["role"]));
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_never_listed()
    {
        var secret = await NewToken("shown-once", "viewer");
        using var list = await Server.Socket.GetAsync("/api/v1/tokens");
        await Rest.ExpectStatus(list, HttpStatusCode.OK);
        var text = await list.Content.ReadAsStringAsync();
        Assert.Contains("shown-once", text);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("secret", text);
    }

    [Fact]
    public async Task A_viewer_can_read_but_not_change_anything()
    {
        var viewer = Server.Https(await NewToken("viewer1", "viewer"));

        using (var list = await viewer.GetAsync("/api/v1/vms"))
            await Rest.ExpectStatus(list, HttpStatusCode.OK);
        using (var whoami = await viewer.GetAsync("/api/v1/auth/whoami"))
            Assert.Equal("token:viewer1", (string?)(await Rest.ReadJson(whoami))["user"]);

        using (var create = await viewer.PostAsync("/api/v1/vms", Rest.Json(new { name = "by-viewer", nics = Array.Empty<object>() })))
            Assert.Contains("viewer", await Rest.ExpectProblem(create, HttpStatusCode.Forbidden));
        using (var tokens = await viewer.GetAsync("/api/v1/tokens"))
            await Rest.ExpectProblem(tokens, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("by-viewer", await Rest.VmNames(Server.Socket));
    }

    [Fact]
    public async Task An_operator_can_create_vms_but_not_manage_tokens()
    {
        var op = Server.Https(await NewToken("operator1", "operator"));

        var taskId = await Rest.CreateVm(op, new { name = "by-operator", nics = Array.Empty<object>() });
        Assert.Equal("token:operator1", (string?)(await Rest.ExpectSucceeded(op, taskId))["user"]);

        using (var list = await op.GetAsync("/api/v1/tokens"))
            Assert.Contains("admins", await Rest.ExpectProblem(list, HttpStatusCode.Forbidden));
        using (var create = await op.PostAsync("/api/v1/tokens", Rest.Json(new { name = "sneaky", role = "admin" })))
            await Rest.ExpectProblem(create, HttpStatusCode.Forbidden);
        using (var all = await Server.Socket.GetAsync("/api/v1/tokens"))
            Assert.DoesNotContain("sneaky", await all.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_token_manages_tokens_and_a_deleted_token_gets_401()
    {
        var admin = Server.Https(await NewToken("admin1", "admin"));

        using (var create = await admin.PostAsync("/api/v1/tokens", Rest.Json(new { name = "short-lived", role = "viewer" })))
        {
            await Rest.ExpectStatus(create, HttpStatusCode.Created);
            var shortLived = Server.Https((string)(await Rest.ReadJson(create))["secret"]!);
            using (var before = await shortLived.GetAsync("/api/v1/vms"))
                await Rest.ExpectStatus(before, HttpStatusCode.OK);

            using (var list = await admin.GetAsync("/api/v1/tokens"))
                Assert.Contains((await Rest.ReadJson(list)).AsArray(), t => (string?)t!["name"] == "short-lived");

            using (var delete = await admin.DeleteAsync("/api/v1/tokens/short-lived"))
                await Rest.ExpectStatus(delete, HttpStatusCode.NoContent);

            using var after = await shortLived.GetAsync("/api/v1/vms");
            await Rest.ExpectProblem(after, HttpStatusCode.Unauthorized);
        }

        using var again = await admin.DeleteAsync("/api/v1/tokens/short-lived");
        await Rest.ExpectProblem(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_requests_are_validated()
    {
        using (var badRole = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "x1", role = "root" })))
            Assert.Contains("Unknown role", await Rest.ExpectProblem(badRole, HttpStatusCode.BadRequest));
        using (var badName = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "a b", role = "viewer" })))
            await Rest.ExpectProblem(badName, HttpStatusCode.BadRequest);
        await NewToken("dup", "viewer");
        using var dup = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "dup", role = "viewer" }));
        await Rest.ExpectProblem(dup, HttpStatusCode.Conflict);
    }
}
