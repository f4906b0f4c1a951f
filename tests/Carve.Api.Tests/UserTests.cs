using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Password users through the API: admins manage them; changes end the user's sessions; one admin always stays.</summary>
public sealed class UserTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Password = "a long enough password";

    private CarveServer Server => fixture.Server;

    private async Task AddUser(string name, string role)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/users", Rest.Json(new { name, role, password = Password }));
        await Rest.ExpectStatus(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/users/{name}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_added_operator_logs_in_with_its_role_and_is_listed_without_its_password()
    {
        await AddUser("olivia", "operator");
        var session = await Sessions.LoginAsync(Server, "olivia", Password);
        using (var whoami = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/auth/whoami", session))
        {
            var me = await Rest.ReadJson(whoami);
            Assert.Equal(("olivia", "operator"), ((string?)me["user"], (string?)me["role"]));
        }

        using var list = await Server.Socket.GetAsync("/api/v1/users");
        var text = await list.Content.ReadAsStringAsync();
        Assert.Contains("\"olivia\"", text);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain("pbkdf2", text);
    }

    [Fact]
    public async Task Only_admins_manage_users()
    {
        await AddUser("oscar", "operator");
        var session = await Sessions.LoginAsync(Server, "oscar", Password);
        using (var list = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/users", session))
            Assert.Contains("Only admins", await Rest.ExpectProblem(list, HttpStatusCode.Forbidden));
        using (var add = await Sessions.SendAsync(Server, HttpMethod.Post, "/api/v1/users", session, Rest.Json(new { name = "sneaky", role = "admin", password = Password })))
            await Rest.ExpectProblem(add, HttpStatusCode.Forbidden);
        using var all = await Server.Socket.GetAsync("/api/v1/users");
        Assert.DoesNotContain("sneaky", await all.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"name":"Bad Name","password":"a long enough password"}""", "Invalid user name")]
    [InlineData("""{"name":"shorty","password":"short"}""", "at least 12 characters")]
    [InlineData("""{"name":"rolling","role":"root","password":"a long enough password"}""", "Unknown role")]
    [InlineData("""{"name":"nopass"}""", "")]
    public async Task Bad_input_is_a_400_that_says_why(string body, string why)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/users", Rest.RawJson(body));
        Assert.Contains(why, await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_new_password_ends_the_users_sessions()
    {
        await AddUser("pat", "viewer");
        var session = await Sessions.LoginAsync(Server, "pat", Password);
        using (var change = await Server.Socket.PutAsync("/api/v1/users/pat/password", Rest.Json(new { password = "a brand new password" })))
            await Rest.ExpectStatus(change, HttpStatusCode.NoContent);
        using (var after = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/vms", session))
            await Rest.ExpectProblem(after, HttpStatusCode.Unauthorized);
        await Sessions.LoginAsync(Server, "pat", "a brand new password");
    }

    [Fact]
    public async Task A_deleted_users_session_is_a_401_and_deleting_again_a_404()
    {
        await AddUser("quinn", "operator");
        var session = await Sessions.LoginAsync(Server, "quinn", Password);
        using (var delete = await Server.Socket.DeleteAsync("/api/v1/users/quinn"))
            await Rest.ExpectStatus(delete, HttpStatusCode.NoContent);
        using (var after = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/vms", session))
            await Rest.ExpectProblem(after, HttpStatusCode.Unauthorized);
        using var again = await Server.Socket.DeleteAsync("/api/v1/users/quinn");
        await Rest.ExpectProblem(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_demoted_user_is_a_viewer_at_its_next_login()
    {
        await AddUser("rita", "admin");
        using (var demote = await Server.Socket.PutAsync("/api/v1/users/rita/grant", Rest.Json(new { role = "viewer" })))
        {
            await Rest.ExpectStatus(demote, HttpStatusCode.OK);
            Assert.Equal("viewer", (string?)(await Rest.ReadJson(demote))["role"]);
        }
        var session = await Sessions.LoginAsync(Server, "rita", Password);
        using var create = await Sessions.SendAsync(Server, HttpMethod.Post, "/api/v1/networks", session, Rest.Json(new { name = "nope", type = "nat", subnet = "10.99.0.0/24" }));
        Assert.Contains("viewer", await Rest.ExpectProblem(create, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_deleted_nor_demoted()
    {
        // The fixture's server may have other admins by now; this one has only "admin".
        await using var server = await CarveServer.StartOnNewDirsAsync();
        using (var delete = await server.Socket.DeleteAsync("/api/v1/users/admin"))
            Assert.Contains("last admin", await Rest.ExpectProblem(delete, HttpStatusCode.Conflict));
        using (var demote = await server.Socket.PutAsync("/api/v1/users/admin/grant", Rest.Json(new { role = "operator" })))
            await Rest.ExpectProblem(demote, HttpStatusCode.Conflict);
        using var list = await server.Socket.GetAsync("/api/v1/users");
        Assert.Contains("\"admin\"", await list.Content.ReadAsStringAsync());
    }
}
