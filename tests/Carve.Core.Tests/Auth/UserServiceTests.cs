using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Auth;

public sealed class UserServiceTests : IDisposable
{
    private const string Password = UserHarness.Password;
    private readonly UserHarness _harness = new();

    private SessionService Sessions => _harness.Sessions;
    private UserService Users => _harness.Users;

    public void Dispose() => _harness.Dispose();

    private UserView Add(string name, string role = Roles.Operator) => _harness.Add(name, role);

    [Fact]
    public void An_added_user_is_listed_with_its_role_and_time_and_can_log_in()
    {
        Sessions.EnsureAdmin();
        var alice = Add("alice");
        Assert.Equal(("alice", Roles.Operator), (alice.Name, alice.Role));
        Assert.Contains(Users.List(), u => u.Name == "alice" && u.Role == Roles.Operator && u.CreatedAt == alice.CreatedAt);
        Assert.Equal(new Principal("alice", Roles.Operator), Sessions.Find(Sessions.Login("alice", Password).Cookie!)!.Value.Principal);
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
        Assert.Throws<BadRequestException>(() => Users.Add(new CreateUserRequest { Name = "carol", Password = password }));

    [Fact]
    public void An_unknown_role_is_a_400() =>
        Assert.Contains("Unknown role", Assert.Throws<BadRequestException>(() => Add("dave", "root")).Message);

    [Fact]
    public void A_new_password_ends_the_users_sessions_and_replaces_the_old_one()
    {
        Add("erin");
        var cookie = Sessions.Login("erin", Password).Cookie!;
        Users.SetPassword("erin", new SetPasswordRequest { Password = "another long password" });
        Assert.Null(Sessions.Find(cookie));
        Assert.Equal(LoginFailure.WrongPassword, Sessions.Login("erin", Password).Failure);
        Assert.Null(Sessions.Login("erin", "another long password").Failure);
    }

    [Fact]
    public void Deleting_a_user_ends_its_sessions_and_leaves_others_alone()
    {
        Add("frank");
        Add("grace");
        var frank = Sessions.Login("frank", Password).Cookie!;
        var grace = Sessions.Login("grace", Password).Cookie!;
        Users.Delete("frank");
        Assert.Null(Sessions.Find(frank));
        Assert.NotNull(Sessions.Find(grace));
        Assert.DoesNotContain(Users.List(), u => u.Name == "frank");
        Assert.Throws<NotFoundException>(() => Users.Delete("frank"));
    }

    [Fact]
    public void The_last_admin_can_be_neither_deleted_nor_demoted()
    {
        Sessions.EnsureAdmin();
        Assert.Contains("last admin", Assert.Throws<ConflictException>(() => Users.Delete("admin")).Message);
        Assert.Throws<ConflictException>(() => Users.Grant("admin", new GrantRequest { Role = Roles.Viewer }));

        Add("heidi", Roles.Admin);
        Users.Grant("admin", new GrantRequest { Role = Roles.Viewer });
        Assert.Throws<ConflictException>(() => Users.Delete("heidi"));
        Users.Delete("admin");
        Assert.Equal(["heidi"], Users.List().Select(u => u.Name));
    }

    [Fact]
    public void A_new_role_ends_the_users_sessions_so_it_applies_at_once()
    {
        Add("ivan");
        var cookie = Sessions.Login("ivan", Password).Cookie!;
        Assert.Equal(Roles.Viewer, Users.Grant("ivan", new GrantRequest { Role = Roles.Viewer }).Role);
        Assert.Null(Sessions.Find(cookie));
    }

    [Fact]
    public void Once_admin_is_deleted_a_restart_does_not_make_it_again()
    {
        Sessions.EnsureAdmin();
        Add("judy", Roles.Admin);
        Users.Delete("admin");
        Assert.Null(Sessions.EnsureAdmin());
        Assert.DoesNotContain(Users.List(), u => u.Name == "admin");
    }

    [Fact]
    public void Changing_the_admins_password_removes_the_file_with_the_first_one()
    {
        Sessions.EnsureAdmin();
        Users.SetPassword("admin", new SetPasswordRequest { Password = "the admin's own password" });
        Assert.False(File.Exists(Sessions.AdminPasswordFile));
    }
}
