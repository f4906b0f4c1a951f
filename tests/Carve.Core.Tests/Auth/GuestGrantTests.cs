using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Auth;

public sealed class GuestGrantTests : IDisposable
{
    private readonly UserHarness _harness = new();

    public GuestGrantTests()
    {
        _harness.Sessions.EnsureAdmin();
        _harness.Add("alice");
    }

    private UserService Users => _harness.Users;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_grant_is_stored_sorted_and_read_back_equal()
    {
        var grant = GuestGrant.Of([" web", "db", "web"]);
        Assert.Equal(["db", "web"], grant.Names);
        Assert.Equal(grant, GuestGrant.Parse(grant.ToString()));
        Assert.Null(GuestGrant.Parse(null));
        Assert.True(grant.Contains("db"));
        Assert.False(grant.Contains("dns"));
    }

    [Theory]
    [InlineData(new string[0], "at least one guest")]
    [InlineData(new[] { "Web" }, "Invalid guest name")]
    [InlineData(new[] { "web,db" }, "Invalid guest name")]
    public void A_bad_grant_is_a_400(string[] names, string why) =>
        Assert.Contains(why, Assert.Throws<BadRequestException>(() => GuestGrant.Of(names)).Message);

    [Fact]
    public void A_session_carries_the_users_grant_and_the_list_shows_it()
    {
        Users.Grant("alice", new GrantRequest { Role = Roles.Operator, Guests = ["web", "db"] });
        var principal = _harness.LoginAs("alice");
        Assert.True(principal.MayUse("web"));
        Assert.False(principal.MayUse("dns"));
        Assert.Equal(["db", "web"], Users.List().Single(u => u.Name == "alice").Guests);
    }

    [Fact]
    public void A_grant_without_guests_gives_every_guest_back()
    {
        Users.Grant("alice", new GrantRequest { Role = Roles.Operator, Guests = ["web"] });
        Users.Grant("alice", new GrantRequest { Role = Roles.Viewer });
        var principal = _harness.LoginAs("alice");
        Assert.Equal(new Principal("alice", Roles.Viewer), principal);
        Assert.True(principal.MayUse("anything"));
        Assert.Null(Users.List().Single(u => u.Name == "alice").Guests);
    }

    [Fact]
    public void An_admin_cannot_be_limited() =>
        Assert.Throws<BadRequestException>(() => Users.Grant("alice", new GrantRequest { Role = Roles.Admin, Guests = ["web"] }));
}
