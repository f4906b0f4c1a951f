using System.Net;
using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;
using OtpNet;

namespace Carve.Core.Tests.Auth;

/// <summary>Logging in and a user's own account changes, each password or code check counted by the login throttle.</summary>
public sealed class AccountServiceTests : IDisposable
{
    private const string Password = UserHarness.Password;
    private static readonly IPAddress From = IPAddress.Parse("192.0.2.20");
    private static readonly Principal Alice = new("alice", Roles.Viewer);
    private readonly UserHarness _harness = new();
    private readonly AccountService _account;

    public AccountServiceTests()
    {
        _harness.Add("alice", Roles.Viewer);
        var throttle = new LoginThrottle(new CarveOptions
        {
            Login = new LoginOptions { SlowAfter = 10, DelayStepMilliseconds = 1, MaxDelayMilliseconds = 1, LockAfter = 3, WindowSeconds = 600, LockoutSeconds = 900 },
        }, _harness.Clock);
        _account = new AccountService(_harness.Sessions, _harness.Users, _harness.Totp, throttle);
    }

    public void Dispose() => _harness.Dispose();

    private Task<(string Cookie, SessionView Session)> LogIn(string password, string? code = null) =>
        _account.LoginAsync(new LoginRequest { Username = "alice", Password = password, Totp = code }, From, CancellationToken.None);

    private string CodeNow(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(_harness.Clock.Now.UtcDateTime);

    [Fact]
    public async Task A_viewer_changes_its_own_password_given_the_current_one_and_its_sessions_end()
    {
        var (cookie, _) = await LogIn(Password);
        await _account.ChangePasswordAsync(Alice, From, new ChangeOwnPasswordRequest { CurrentPassword = Password, Password = "a brand new passphrase" }, CancellationToken.None);
        Assert.Null(_harness.Sessions.Find(cookie));
        await LogIn("a brand new passphrase");
        await Assert.ThrowsAsync<CarveException>(() => LogIn(Password));
    }

    [Fact]
    public async Task A_wrong_current_password_is_403_changes_nothing_and_counts_towards_the_lockout()
    {
        for (var i = 0; i < 3; i++)
        {
            var wrong = await Assert.ThrowsAsync<ForbiddenException>(() => _account.ChangePasswordAsync(
                Alice, From, new ChangeOwnPasswordRequest { CurrentPassword = "guess " + i, Password = "a brand new passphrase" }, CancellationToken.None));
            Assert.Contains("current password is wrong", wrong.Message, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<TooManyAttemptsException>(() => LogIn(Password));
        Assert.Null(_harness.Sessions.Login("alice", Password).Failure);
    }

    [Fact]
    public async Task Tokens_and_root_on_the_socket_have_no_account_of_their_own()
    {
        var token = new Principal("token:ci", Roles.Admin);
        var refused = await Assert.ThrowsAsync<BadRequestException>(() => _account.BeginTotpAsync(token, From, Password, CancellationToken.None));
        Assert.Contains("not a password user", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BadRequestException>(() => _account.ChangePasswordAsync(
            Principal.LocalRoot, From, new ChangeOwnPasswordRequest { CurrentPassword = Password, Password = "a brand new passphrase" }, CancellationToken.None));
    }

    [Fact]
    public async Task With_a_second_factor_the_login_asks_for_the_code_and_wrong_codes_lock_the_user_out()
    {
        var secret = (await _account.BeginTotpAsync(Alice, From, Password, CancellationToken.None)).Secret;
        _account.ConfirmTotp(Alice, CodeNow(secret));
        _harness.Clock.Now += TimeSpan.FromSeconds(30);

        var needed = await Assert.ThrowsAsync<OneTimeCodeNeededException>(() => LogIn(Password));
        Assert.Equal((401, OneTimeCodeNeededException.TypeUri), (needed.Status, needed.ProblemType));
        var wrong = CodeNow(secret) == "000000" ? "111111" : "000000";
        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<CarveException>(() => LogIn(Password, wrong));
            Assert.Equal(401, refused.Status);
            Assert.Contains("one-time code", refused.Message, StringComparison.Ordinal);
        }
        // Locked out now: even the right code is refused until the lockout ends.
        await Assert.ThrowsAsync<TooManyAttemptsException>(() => LogIn(Password, CodeNow(secret)));
        _harness.Clock.Now += TimeSpan.FromSeconds(901);
        var (cookie, session) = await LogIn(Password, CodeNow(secret));
        Assert.Equal("alice", session.User);
        Assert.NotNull(_harness.Sessions.Find(cookie));
    }

    [Fact]
    public async Task Turning_the_own_second_factor_off_needs_the_password()
    {
        var secret = (await _account.BeginTotpAsync(Alice, From, Password, CancellationToken.None)).Secret;
        _account.ConfirmTotp(Alice, CodeNow(secret));
        await Assert.ThrowsAsync<ForbiddenException>(() => _account.DisableTotpAsync(Alice, From, "not it", CancellationToken.None));
        Assert.True(_harness.Users.List().Single(u => u.Name == "alice").Totp);
        await _account.DisableTotpAsync(Alice, From, Password, CancellationToken.None);
        await LogIn(Password);
    }
}
