using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Auth;

public sealed class UserServiceTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly TestDatabase _db = new();
    private readonly SessionService _sessions;
    private readonly UserService _users;

    public UserServiceTests()
    {
        _sessions = new SessionService(_db.Db, new CarveOptions { DataDir = _db.Dir });
        _users = new UserService(_db.Db, _sessions);
    }

    public void Dispose() => _db.Dispose();

    private UserView Add(string name, string role = Roles.Operator) =>
        _users.Add(new CreateUserRequest { Name = name, Role = role, Password = Password });

    [Fact]
    public void An_added_user_is_listed_with_its_role_and_time_and_can_log_in()
    {
        _sessions.EnsureAdmin();
        var alice = Add("alice");
        Assert.Equal(("alice", Roles.Operator), (alice.Name, alice.Role));
        Assert.Contains(_users.List(), u => u.Name == "alice" && u.Role == Roles.Operator && u.CreatedAt == alice.CreatedAt);
        Assert.Equal(new Principal("alice", Roles.Operator), _sessions.Find(_sessions.Login("alice", Password)!.Value.Cookie)!.Value.Principal);
    }

    [Fact]
    public void A_second_user_of_the_same_name_is_a_conflict()
    {
        Add("bob");
        Assert.Throws<ConflictException>(() => Add("bob"));
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("1alice")]
    [InlineData("token:ci")]
    [InlineData("root@local")]
    [InlineData("")]
    [InlineData("a-name-that-is-longer-than-32-chars")]
    public void Bad_names_are_a_400(string name) =>
        Assert.Contains("Invalid user name", Assert.Throws<BadRequestException>(() => Add(name)).Message);

    [Theory]
    [InlineData("short")]
    [InlineData("eleven char")]
    [InlineData("twelve chars\nwith a newline")]
    public void Bad_passwords_are_a_400(string password) =>
        Assert.Throws<BadRequestException>(() => _users.Add(new CreateUserRequest { Name = "carol", Password = password }));

    [Fact]
    public void An_unknown_role_is_a_400() =>
        Assert.Contains("Unknown role", Assert.Throws<BadRequestException>(() => Add("dave", "root")).Message);

    [Fact]
    public void A_new_password_ends_the_users_sessions_and_replaces_the_old_one()
    {
        Add("erin");
        var cookie = _sessions.Login("erin", Password)!.Value.Cookie;
        _users.SetPassword("erin", new SetPasswordRequest { Password = "another long password" });
        Assert.Null(_sessions.Find(cookie));
        Assert.Null(_sessions.Login("erin", Password));
        Assert.NotNull(_sessions.Login("erin", "another long password"));
    }

    [Fact]
    public void Deleting_a_user_ends_its_sessions_and_leaves_others_alone()
    {
        Add("frank");
        Add("grace");
        var frank = _sessions.Login("frank", Password)!.Value.Cookie;
        var grace = _sessions.Login("grace", Password)!.Value.Cookie;
        _users.Delete("frank");
        Assert.Null(_sessions.Find(frank));
        Assert.NotNull(_sessions.Find(grace));
        Assert.DoesNotContain(_users.List(), u => u.Name == "frank");
        Assert.Throws<NotFoundException>(() => _users.Delete("frank"));
    }

    [Fact]
    public void The_last_admin_can_be_neither_deleted_nor_demoted()
    {
        _sessions.EnsureAdmin();
        Assert.Contains("last admin", Assert.Throws<ConflictException>(() => _users.Delete("admin")).Message);
        Assert.Throws<ConflictException>(() => _users.Grant("admin", new GrantRequest { Role = Roles.Viewer }));

        Add("heidi", Roles.Admin);
        _users.Grant("admin", new GrantRequest { Role = Roles.Viewer });
        Assert.Throws<ConflictException>(() => _users.Delete("heidi"));
        _users.Delete("admin");
        Assert.Equal(["heidi"], _users.List().Select(u => u.Name));
    }

    [Fact]
    public void A_new_role_ends_the_users_sessions_so_it_applies_at_once()
    {
        Add("ivan");
        var cookie = _sessions.Login("ivan", Password)!.Value.Cookie;
        Assert.Equal(Roles.Viewer, _users.Grant("ivan", new GrantRequest { Role = Roles.Viewer }).Role);
        Assert.Null(_sessions.Find(cookie));
    }

    [Fact]
    public void Once_admin_is_deleted_a_restart_does_not_make_it_again()
    {
        _sessions.EnsureAdmin();
        Add("judy", Roles.Admin);
        _users.Delete("admin");
        Assert.Null(_sessions.EnsureAdmin());
        Assert.DoesNotContain(_users.List(), u => u.Name == "admin");
    }

    [Fact]
    public void Changing_the_admins_password_removes_the_file_with_the_first_one()
    {
        _sessions.EnsureAdmin();
        _users.SetPassword("admin", new SetPasswordRequest { Password = "the admin's own password" });
        Assert.False(File.Exists(_sessions.AdminPasswordFile));
    }
}
