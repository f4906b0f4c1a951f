using System.Net;
using System.Text.Json.Nodes;
using Carve.Api.Tests.Support;
using OtpNet;

namespace Carve.Api.Tests;

/// <summary>
/// The TOTP second factor and a user's own account over HTTPS: an admin sets a user's factor up, or a user its own;
/// the login then needs a current, unspent code; a user changes its own password given the current one.
/// </summary>
public sealed class TotpTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Password = "a long enough password";

    private CarveServer Server => fixture.Server;

    private async Task AddUser(string name)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/users", Rest.Json(new { name, role = "viewer", password = Password }));
        await Rest.ExpectStatus(response, HttpStatusCode.Created);
    }

    /// <summary>The code the app shows at the given step from now.</summary>
    private static string Code(string secret, int step = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step));

    private Task<HttpResponseMessage> Login(string user, string password, string? totp = null) =>
        Server.Https().PostAsync("/api/v1/auth/login", Rest.Json(new { username = user, password, totp }));

    private async Task<bool> IsOn(string user)
    {
        var users = await Rest.GetArray(Server.Socket, "/api/v1/users");
        return (bool)users.Single(u => (string?)u!["name"] == user)!["totp"]!;
    }

    [Fact]
    public async Task An_admin_sets_up_a_users_second_factor_and_the_login_then_needs_an_unspent_code()
    {
        await AddUser("tina");
        JsonNode setup;
        using (var begin = await Server.Socket.PostAsync("/api/v1/users/tina/totp", null))
        {
            await Rest.ExpectStatus(begin, HttpStatusCode.OK);
            setup = await Rest.ReadJson(begin);
        }
        var secret = (string)setup["secret"]!;
        Assert.Equal($"otpauth://totp/Carve:tina?secret={secret}&issuer=Carve&algorithm=SHA1&digits=6&period=30", ((string)setup["uri"]!).Replace("%3A", ":", StringComparison.Ordinal));
        Assert.False(await IsOn("tina"));

        using (var wrong = await Server.Socket.PostAsync("/api/v1/users/tina/totp/confirm", Rest.Json(new { code = "12345" })))
            Assert.Contains("does not match", await Rest.ExpectProblem(wrong, HttpStatusCode.BadRequest));
        // The step before now: the code of this step stays unspent for the login below.
        using (var confirm = await Server.Socket.PostAsync("/api/v1/users/tina/totp/confirm", Rest.Json(new { code = Code(secret, -1) })))
            await Rest.ExpectStatus(confirm, HttpStatusCode.NoContent);
        Assert.True(await IsOn("tina"));

        using (var passwordOnly = await Login("tina", Password))
        {
            Assert.Contains("one-time code", await Rest.ExpectProblem(passwordOnly, HttpStatusCode.Unauthorized));
            Assert.False(passwordOnly.Headers.Contains("Set-Cookie"));
        }
        using (var again = await Login("tina", Password))
            Assert.Equal("urn:carve:problem:totp-needed", (string?)(await Rest.ReadJson(again))["type"]);
        var code = Code(secret);
        using (var withCode = await Login("tina", Password, code))
            await Rest.ExpectStatus(withCode, HttpStatusCode.OK);
        using (var replayed = await Login("tina", Password, code))
            Assert.Contains("already used", await Rest.ExpectProblem(replayed, HttpStatusCode.Unauthorized));

        using (var off = await Server.Socket.DeleteAsync("/api/v1/users/tina/totp"))
            await Rest.ExpectStatus(off, HttpStatusCode.NoContent);
        using (var plain = await Login("tina", Password))
            await Rest.ExpectStatus(plain, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_viewer_sets_up_and_turns_off_its_own_second_factor_with_its_password()
    {
        await AddUser("uma");
        var session = await Sessions.LoginAsync(Server, "uma", Password);
        using (var wrongPassword = await Sessions.SendAsync(Server, HttpMethod.Post, "/api/v1/auth/totp", session, Rest.Json(new { password = "not the password" })))
            Assert.Contains("current password is wrong", await Rest.ExpectProblem(wrongPassword, HttpStatusCode.Forbidden));
        string secret;
        using (var begin = await Sessions.SendAsync(Server, HttpMethod.Post, "/api/v1/auth/totp", session, Rest.Json(new { password = Password })))
        {
            await Rest.ExpectStatus(begin, HttpStatusCode.OK);
            secret = (string)(await Rest.ReadJson(begin))["secret"]!;
        }
        using (var confirm = await Sessions.SendAsync(Server, HttpMethod.Post, "/api/v1/auth/totp/confirm", session, Rest.Json(new { code = Code(secret, -1) })))
            await Rest.ExpectStatus(confirm, HttpStatusCode.NoContent);
        Assert.True(await IsOn("uma"));
        using (var whoami = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/auth/whoami", session))
            Assert.True((bool?)(await Rest.ReadJson(whoami))["totp"]);
        using (var passwordOnly = await Login("uma", Password))
            await Rest.ExpectProblem(passwordOnly, HttpStatusCode.Unauthorized);

        using (var off = await Sessions.SendAsync(Server, HttpMethod.Post, "/api/v1/auth/totp/disable", session, Rest.Json(new { password = Password })))
            await Rest.ExpectStatus(off, HttpStatusCode.NoContent);
        await Sessions.LoginAsync(Server, "uma", Password);
    }

    [Fact]
    public async Task A_user_changes_its_own_password_given_the_current_one_and_must_log_in_again()
    {
        await AddUser("vera");
        var session = await Sessions.LoginAsync(Server, "vera", Password);
        using (var wrong = await Sessions.SendAsync(Server, HttpMethod.Put, "/api/v1/auth/password", session,
                   Rest.Json(new { currentPassword = "not the password", password = "a brand new password" })))
            await Rest.ExpectProblem(wrong, HttpStatusCode.Forbidden);
        using (var tooShort = await Sessions.SendAsync(Server, HttpMethod.Put, "/api/v1/auth/password", session,
                   Rest.Json(new { currentPassword = Password, password = "short" })))
            Assert.Contains("at least 12 characters", await Rest.ExpectProblem(tooShort, HttpStatusCode.BadRequest));
        using (var change = await Sessions.SendAsync(Server, HttpMethod.Put, "/api/v1/auth/password", session,
                   Rest.Json(new { currentPassword = Password, password = "a brand new password" })))
            await Rest.ExpectStatus(change, HttpStatusCode.NoContent);
        using (var after = await Sessions.SendAsync(Server, HttpMethod.Get, "/api/v1/auth/whoami", session))
            await Rest.ExpectProblem(after, HttpStatusCode.Unauthorized);
        using (var old = await Login("vera", Password))
            await Rest.ExpectProblem(old, HttpStatusCode.Unauthorized);
        await Sessions.LoginAsync(Server, "vera", "a brand new password");
    }

    [Fact]
    public async Task An_api_token_has_no_password_or_code_of_its_own()
    {
        using var created = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "robot", role = "admin" }));
        await Rest.ExpectStatus(created, HttpStatusCode.Created);
        var token = (string)(await Rest.ReadJson(created))["secret"]!;
        using var begin = await Server.Https(token).PostAsync("/api/v1/auth/totp", Rest.Json(new { password = Password }));
        Assert.Contains("not a password user", await Rest.ExpectProblem(begin, HttpStatusCode.BadRequest));
    }
}
