using System.Text;
using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Auth;

public sealed class TokenServiceTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly TokenService _tokens;

    public TokenServiceTests() => _tokens = new TokenService(_db.Db);

    public void Dispose() => _db.Dispose();

    private TokenCreated Create(string name, string role = Roles.Viewer) =>
        _tokens.Create(new CreateTokenRequest { Name = name, Role = role });

    [Fact]
    public void A_new_token_authenticates_with_its_name_and_role()
    {
        var created = Create("ci", Roles.Operator);
        Assert.StartsWith("carve_", created.Secret);
        Assert.Equal(new Principal("token:ci", Roles.Operator), _tokens.Authenticate(created.Secret));
    }

    [Fact]
    public void A_secret_stops_working_once_its_token_is_deleted()
    {
        var keep = Create("keep");
        var gone = Create("gone");
        _tokens.Delete("gone");
        Assert.Null(_tokens.Authenticate(gone.Secret));
        Assert.NotNull(_tokens.Authenticate(keep.Secret));
        Assert.Equal(["keep"], _tokens.List().Select(t => t.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("carve_")]
    [InlineData("not-a-token")]
    public void Unknown_secrets_do_not_authenticate(string secret)
    {
        Create("ci");
        Assert.Null(_tokens.Authenticate(secret));
    }

    [Fact]
    public void Only_the_hash_of_the_secret_is_stored()
    {
        var created = Create("ci", Roles.Admin);

        var stored = _db.AllText("tokens");
        Assert.Contains(Secrets.Hash(created.Secret), stored);
        Assert.DoesNotContain(stored, v => v.Contains(created.Secret, StringComparison.Ordinal));
        // Nor anywhere else in the file or its WAL.
        Assert.DoesNotContain(created.Secret, Encoding.ASCII.GetString(_db.RawBytes()), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_unique() => Assert.NotEqual(Create("a").Secret, Create("b").Secret);

    [Fact]
    public void A_taken_name_is_a_conflict()
    {
        Create("ci");
        Assert.Equal(409, Assert.Throws<ConflictException>(() => Create("ci")).Status);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("Admin")]
    [InlineData("")]
    public void An_unknown_role_is_refused(string role) =>
        Assert.Contains("Unknown role", Assert.Throws<BadRequestException>(() => Create("ci", role)).Message);

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("-x")]
    [InlineData("a/b")]
    public void An_invalid_name_is_refused(string name) =>
        Assert.Throws<BadRequestException>(() => Create(name));

    [Fact]
    public void Deleting_an_unknown_token_is_not_found() =>
        Assert.Throws<NotFoundException>(() => _tokens.Delete("nope"));

    [Fact]
    public void List_shows_names_and_roles_sorted_by_name()
    {
        Create("b", Roles.Admin);
        Create("a", Roles.Viewer);
        Assert.Equal([("a", Roles.Viewer), ("b", Roles.Admin)], _tokens.List().Select(t => (t.Name, t.Role)));
    }

    [Fact]
    public void A_token_limited_to_some_guests_carries_its_grant_and_lists_it()
    {
        var created = _tokens.Create(new CreateTokenRequest { Name = "web-deploy", Role = Roles.Operator, Guests = ["web", " db "] });
        Assert.Equal(["db", "web"], created.Guests);
        var principal = _tokens.Authenticate(created.Secret)!;
        Assert.Equal(GuestGrant.Of(["web", "db"]), principal.Guests);
        Assert.True(principal.MayUse("web"));
        Assert.False(principal.MayUse("router"));
        Assert.Equal(["db", "web"], _tokens.List().Single().Guests);
        Assert.Null(_tokens.Authenticate(Create("all").Secret)!.Guests);
    }

    [Fact]
    public void An_admin_token_cannot_be_limited_and_a_bad_guest_name_is_refused()
    {
        var admin = Assert.Throws<BadRequestException>(() => _tokens.Create(new CreateTokenRequest { Name = "boss", Role = Roles.Admin, Guests = ["web"] }));
        Assert.Contains("admin cannot be limited", admin.Message, StringComparison.Ordinal);
        Assert.Throws<BadRequestException>(() => _tokens.Create(new CreateTokenRequest { Name = "odd", Role = Roles.Viewer, Guests = ["a,b"] }));
        Assert.Throws<BadRequestException>(() => _tokens.Create(new CreateTokenRequest { Name = "none", Role = Roles.Viewer, Guests = [] }));
        Assert.Empty(_tokens.List());
    }

    [Fact]
    public void A_session_opened_with_a_limited_token_keeps_its_grant_and_ends_with_the_token()
    {
        var sessions = new SessionService(_db.Db, new Configuration.CarveOptions { DataDir = _db.Dir });
        var created = _tokens.Create(new CreateTokenRequest { Name = "kiosk", Role = Roles.Viewer, Guests = ["web"] });
        var (cookie, _) = sessions.Open(_tokens.Authenticate(created.Secret)!);
        Assert.Equal(GuestGrant.Of(["web"]), sessions.Find(cookie)!.Value.Principal.Guests);
        _tokens.Delete("kiosk");
        Assert.Null(sessions.Find(cookie));
        // A token made again under the name is a new secret: the old session does not come back with it.
        Create("kiosk");
        Assert.Null(sessions.Find(cookie));
    }
}
