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
}
