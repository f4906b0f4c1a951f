using Carve.Cli.Tests.Fakes;

namespace Carve.Cli.Tests.Cli;

/// <summary>The real `carve user` and `carve audit` against a server playing carved: what they send, and what they print.</summary>
public sealed class UserCommandTests
{
    private const string Alice = """{"name":"alice","role":"operator","createdAt":"2026-01-02T03:04:05Z","guests":["web"],"totp":true}""";

    [Fact]
    public async Task User_add_reads_the_password_from_stdin_without_its_newline()
    {
        await using var server = new FakeRestServer((_, _) => (201, Alice));
        var (code, stdout, stderr) = await CarveProcess.RunAsync("a long enough password\n",
            "--url", server.Url, "user", "add", "alice", "--role", "operator", "--password-stdin");
        Assert.True(code == 0, stderr);
        Assert.Equal("User alice added with role operator.\n", stdout);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/api/v1/users"), (request.Method, request.Path));
        Assert.Equal("""{"name":"alice","role":"operator","password":"a long enough password"}""", request.Body);
    }

    [Fact]
    public async Task User_passwd_puts_the_password_and_shows_carveds_refusal()
    {
        await using var server = new FakeRestServer((_, _) => (400, """{"status":400,"detail":"The password is too short: use at least 12 characters."}"""));
        var (code, _, stderr) = await CarveProcess.RunAsync("short\r\n", "--url", server.Url, "user", "passwd", "alice", "--password-stdin");
        Assert.Equal(1, code);
        Assert.Equal("error: The password is too short: use at least 12 characters.\n", stderr);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("PUT", "/api/v1/users/alice/password", """{"password":"short"}"""), request);
    }

    [Fact]
    public async Task Without_a_terminal_or_password_stdin_nothing_is_sent()
    {
        await using var server = new FakeRestServer((_, _) => (201, Alice));
        var (code, _, stderr) = await CarveProcess.RunAsync("piped\n", "--url", server.Url, "user", "add", "alice");
        Assert.Equal(2, code);
        Assert.Contains("--password-stdin", stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task User_list_is_a_table_of_name_role_guests_totp_and_creation()
    {
        await using var server = new FakeRestServer((_, _) => (200, $$"""[{"name":"admin","role":"admin","createdAt":null},{{Alice}}]"""));
        var (code, stdout, stderr) = await CarveProcess.RunAsync("", "--url", server.Url, "user", "list");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "ROLE", "GUESTS", "TOTP", "CREATED"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["admin", "admin", "all", "off", "-"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("operator  web     on", lines[2]);
    }

    [Fact]
    public async Task User_delete_and_grant_reach_their_routes()
    {
        await using var server = new FakeRestServer((method, _) => method == "DELETE" ? (204, "") : (200, Alice));
        Assert.Equal(0, (await CarveProcess.RunAsync("", "--url", server.Url, "user", "delete", "bob")).Code);
        Assert.Equal(0, (await CarveProcess.RunAsync("", "--url", server.Url, "user", "grant", "alice", "operator")).Code);
        Assert.Equal(0, (await CarveProcess.RunAsync("", "--url", server.Url, "user", "grant", "alice", "operator", "--guest", "web, db")).Code);
        Assert.Equal([
            ("DELETE", "/api/v1/users/bob", ""),
            ("PUT", "/api/v1/users/alice/grant", """{"role":"operator"}"""),
            ("PUT", "/api/v1/users/alice/grant", """{"role":"operator","guests":["web","db"]}"""),
        ], server.Requests);
    }

    [Fact]
    public async Task User_totp_enable_prints_the_secret_and_uri_and_confirm_and_disable_reach_their_routes()
    {
        const string Setup = """{"secret":"JBSWY3DPEHPK3PXP","uri":"otpauth://totp/Carve:alice?secret=JBSWY3DPEHPK3PXP&issuer=Carve"}""";
        await using var server = new FakeRestServer((method, path) => path.EndsWith("/totp", StringComparison.Ordinal) && method == "POST" ? (200, Setup) : (204, ""));
        var (code, stdout, stderr) = await CarveProcess.RunAsync("", "--url", server.Url, "user", "totp", "enable", "alice");
        Assert.True(code == 0, stderr);
        Assert.Contains("Secret: JBSWY3DPEHPK3PXP\n", stdout, StringComparison.Ordinal);
        Assert.Contains("URI:    otpauth://totp/Carve:alice?secret=JBSWY3DPEHPK3PXP&issuer=Carve\n", stdout, StringComparison.Ordinal);
        Assert.Contains("carve user totp confirm alice CODE", stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CarveProcess.RunAsync("", "--url", server.Url, "user", "totp", "confirm", "alice", "123456")).Code);
        Assert.Equal(0, (await CarveProcess.RunAsync("", "--url", server.Url, "user", "totp", "disable", "alice")).Code);
        Assert.Equal([
            ("POST", "/api/v1/users/alice/totp", ""),
            ("POST", "/api/v1/users/alice/totp/confirm", """{"code":"123456"}"""),
            ("DELETE", "/api/v1/users/alice/totp", ""),
        ], server.Requests);
    }

    [Fact]
    public async Task Token_create_sends_the_guests_and_token_list_shows_them()
    {
        await using var server = new FakeRestServer((method, _) => method == "POST"
            ? (201, """{"name":"web-ci","role":"operator","secret":"carve_s3cret","guests":["db","web"]}""")
            : (200, """[{"name":"web-ci","role":"operator","createdAt":"2026-01-02T03:04:05Z","guests":["db","web"]},{"name":"all","role":"viewer","createdAt":"2026-01-02T03:04:05Z"}]"""));
        var (code, stdout, stderr) = await CarveProcess.RunAsync("", "--url", server.Url, "token", "create", "web-ci", "--role", "operator", "--guest", "web, db");
        Assert.True(code == 0, stderr);
        Assert.Equal("carve_s3cret\n", stdout);
        Assert.Contains("Created token web-ci with role operator for guests db, web.", stderr, StringComparison.Ordinal);
        Assert.Equal(("POST", "/api/v1/tokens", """{"name":"web-ci","role":"operator","guests":["web","db"]}"""), server.Requests[0]);
        var list = (await CarveProcess.RunAsync("", "--url", server.Url, "token", "list")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "ROLE", "GUESTS", "CREATED"], list[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("operator  db,web", list[1], StringComparison.Ordinal);
        Assert.Contains("viewer    all", list[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_sends_the_user_and_the_time_since_and_prints_oldest_first()
    {
        const string Entries = """
            [{"id":2,"time":"2026-01-02T03:05:00Z","user":"alice","source":"10.0.0.5","method":"DELETE","route":"/api/v1/vms/{ref}","path":"/api/v1/vms/web","guest":"web","status":202,"taskId":"t9"},
             {"id":1,"time":"2026-01-02T03:04:00Z","user":"alice","source":"socket","method":"POST","route":"/api/v1/vms","path":"/api/v1/vms","guest":null,"status":403,"taskId":null}]
            """;
        await using var server = new FakeRestServer((_, _) => (200, Entries));
        var (code, stdout, stderr) = await CarveProcess.RunAsync("", "--url", server.Url, "audit", "--user", "alice", "--since", "2026-01-01T00:00:00Z");
        Assert.True(code == 0, stderr);
        Assert.Equal("/api/v1/audit?user=alice&since=2026-01-01T00%3A00%3A00.0000000%2B00%3A00", Assert.Single(server.Requests).Path);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("POST /api/v1/vms", lines[1]);
        Assert.Contains("DELETE /api/v1/vms/web", lines[2]);
        Assert.Contains("t9", lines[2]);
    }
}
