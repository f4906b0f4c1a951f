using System.Text;
using Carve.Core.Auth;
using Carve.Core.Configuration;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Auth;

public sealed class SessionServiceTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly SessionService _sessions;

    public SessionServiceTests() => _sessions = new SessionService(_db.Db, new CarveOptions { DataDir = _db.Dir });

    public void Dispose() => _db.Dispose();

    [Fact]
    public void EnsureAdmin_writes_the_password_to_a_0600_file_and_returns_it()
    {
        var password = _sessions.EnsureAdmin();

        Assert.False(string.IsNullOrWhiteSpace(password));
        Assert.Equal(Path.Combine(_db.Dir, "admin-password"), _sessions.AdminPasswordFile);
        Assert.Equal(password + "\n", File.ReadAllText(_sessions.AdminPasswordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_sessions.AdminPasswordFile));
    }

    [Fact]
    public void EnsureAdmin_the_second_time_returns_null_and_keeps_the_file()
    {
        var password = _sessions.EnsureAdmin();
        Assert.Null(_sessions.EnsureAdmin());
        Assert.Null(new SessionService(_db.Db, new CarveOptions { DataDir = _db.Dir }).EnsureAdmin());
        Assert.Equal(password + "\n", File.ReadAllText(_sessions.AdminPasswordFile));
        Assert.Null(_sessions.Login(SessionService.AdminUser, password!).Failure);
    }

    [Fact]
    public void Passwords_of_two_installations_differ()
    {
        using var other = new TestDatabase();
        var otherPassword = new SessionService(other.Db, new CarveOptions { DataDir = other.Dir }).EnsureAdmin();
        Assert.NotEqual(_sessions.EnsureAdmin(), otherPassword);
    }

    [Fact]
    public void Login_with_the_right_password_gives_a_session_with_a_csrf_token()
    {
        var password = _sessions.EnsureAdmin()!;
        var login = _sessions.Login("admin", password);
        var (cookie, session) = (login.Cookie!, login.Session!);

        Assert.Equal(("admin", "admin"), (session.User, session.Role));
        Assert.False(string.IsNullOrEmpty(session.CsrfToken));
        Assert.NotEqual(cookie, session.CsrfToken);

        var (principal, csrf) = _sessions.Find(cookie)!.Value;
        Assert.Equal(new Principal("admin", "admin"), principal);
        Assert.Equal(session.CsrfToken, csrf);
    }

    [Fact]
    public void Each_login_gets_its_own_cookie()
    {
        var password = _sessions.EnsureAdmin()!;
        Assert.NotEqual(_sessions.Login("admin", password).Cookie!, _sessions.Login("admin", password).Cookie!);
    }

    [Theory]
    [InlineData("admin", "wrong")]
    [InlineData("admin", "")]
    [InlineData("nobody", "whatever")]
    public void Login_with_wrong_credentials_gives_nothing(string user, string password)
    {
        _sessions.EnsureAdmin();
        Assert.Equal(LoginFailure.WrongPassword, _sessions.Login(user, password).Failure);
    }

    [Fact]
    public void An_unknown_cookie_finds_no_session()
    {
        _sessions.EnsureAdmin();
        Assert.Null(_sessions.Find("made-up"));
    }

    [Fact]
    public void After_logout_the_cookie_no_longer_works()
    {
        var password = _sessions.EnsureAdmin()!;
        var cookie = _sessions.Login("admin", password).Cookie!;
        _sessions.Logout(cookie);
        Assert.Null(_sessions.Find(cookie));
    }

    [Fact]
    public void Neither_the_password_nor_the_cookie_is_stored_in_the_database()
    {
        var password = _sessions.EnsureAdmin()!;
        var cookie = _sessions.Login("admin", password).Cookie!;

        Assert.DoesNotContain(_db.AllText("users"), v => v.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(_db.AllText("sessions"), v => v.Contains(cookie, StringComparison.Ordinal));
        var raw = Encoding.ASCII.GetString(_db.RawBytes());
        Assert.DoesNotContain(password, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(cookie, raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_upgrades_a_hash_made_with_fewer_iterations()
    {
        var password = _sessions.EnsureAdmin()!;
        using (var c = _db.Db.Open())
            Carve.Core.State.Database.Execute(c, "UPDATE users SET password_hash = $h", ("$h", Secrets.HashPassword(password, 210_000)));
        Assert.Null(_sessions.Login("admin", password).Failure);
        Assert.Contains(_db.AllText("users"), v => v.StartsWith($"pbkdf2-sha256${Secrets.PasswordIterations}$", StringComparison.Ordinal));
        Assert.Null(_sessions.Login("admin", password).Failure);
    }
}
