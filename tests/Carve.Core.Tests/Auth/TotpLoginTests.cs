using Carve.Core.Auth;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;
using OtpNet;

namespace Carve.Core.Tests.Auth;

/// <summary>The second factor over a real database: setting it up, logging in with it, and spending codes.</summary>
public sealed class TotpLoginTests : IDisposable
{
    private const string Password = UserHarness.Password;
    private readonly UserHarness _harness = new();

    public TotpLoginTests() => _harness.Add("alice");

    public void Dispose() => _harness.Dispose();

    private string CodeFor(string secret, int stepsFromNow = 0) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(_harness.Clock.Now.UtcDateTime.AddSeconds(30 * stepsFromNow));

    private LoginFailure? Login(string? code) => _harness.Sessions.Login("alice", Password, code).Failure;

    /// <summary>Begins and confirms; the clock then moves on a step, as a person's would before the next login.</summary>
    private string Enable()
    {
        var secret = _harness.Totp.Begin("alice").Secret;
        _harness.Totp.Confirm("alice", CodeFor(secret));
        _harness.Clock.Now += TimeSpan.FromSeconds(30);
        return secret;
    }

    [Fact]
    public void A_secret_not_yet_confirmed_changes_nothing_and_a_wrong_confirmation_is_refused()
    {
        var setup = _harness.Totp.Begin("alice");
        Assert.StartsWith("otpauth://totp/Carve:alice?", setup.Uri, StringComparison.Ordinal);
        Assert.Null(Login(null));
        Assert.Throws<BadRequestException>(() => _harness.Totp.Confirm("alice", "000000" == CodeFor(setup.Secret) ? "111111" : "000000"));
        Assert.Null(Login(null));
        Assert.False(_harness.Users.List().Single(u => u.Name == "alice").Totp);
    }

    [Fact]
    public void Once_confirmed_the_password_alone_is_not_enough_and_a_wrong_code_is_refused()
    {
        var secret = Enable();
        Assert.True(_harness.Users.List().Single(u => u.Name == "alice").Totp);
        Assert.Equal(LoginFailure.CodeNeeded, Login(null));
        Assert.Equal(LoginFailure.CodeNeeded, Login(""));
        var wrong = CodeFor(secret) == "123456" ? "654321" : "123456";
        Assert.Equal(LoginFailure.WrongCode, Login(wrong));
        Assert.Equal(LoginFailure.WrongPassword, _harness.Sessions.Login("alice", "not the password", CodeFor(secret)).Failure);
        var ok = _harness.Sessions.Login("alice", Password, CodeFor(secret));
        Assert.Null(ok.Failure);
        Assert.Equal("alice", _harness.Sessions.Find(ok.Cookie!)!.Value.Principal.User);
    }

    [Fact]
    public void A_code_is_spent_once_used_and_so_is_any_earlier_one()
    {
        var secret = Enable();
        var now = CodeFor(secret);
        Assert.Null(Login(now));
        Assert.Equal(LoginFailure.WrongCode, Login(now));
        Assert.Equal(LoginFailure.WrongCode, Login(CodeFor(secret, -1)));
        Assert.Null(Login(CodeFor(secret, 1)));
    }

    [Fact]
    public void The_code_that_confirmed_the_secret_cannot_log_in()
    {
        var secret = _harness.Totp.Begin("alice").Secret;
        var code = CodeFor(secret);
        _harness.Totp.Confirm("alice", code);
        Assert.Equal(LoginFailure.WrongCode, Login(code));
    }

    [Fact]
    public void A_new_secret_replaces_the_old_one_only_when_confirmed()
    {
        var old = Enable();
        var fresh = _harness.Totp.Begin("alice").Secret;
        Assert.Null(Login(CodeFor(old)));
        _harness.Clock.Now += TimeSpan.FromSeconds(30);
        _harness.Totp.Confirm("alice", CodeFor(fresh));
        _harness.Clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(LoginFailure.WrongCode, Login(CodeFor(old)));
        Assert.Null(Login(CodeFor(fresh)));
    }

    [Fact]
    public void Disabling_brings_back_the_password_alone()
    {
        Enable();
        _harness.Totp.Disable("alice");
        Assert.Null(Login(null));
        Assert.False(_harness.Users.List().Single(u => u.Name == "alice").Totp);
    }

    [Fact]
    public void Unknown_users_and_a_confirmation_with_nothing_begun_say_so()
    {
        Assert.Throws<NotFoundException>(() => _harness.Totp.Begin("nobody"));
        Assert.Throws<NotFoundException>(() => _harness.Totp.Disable("nobody"));
        Assert.Throws<NotFoundException>(() => _harness.Totp.Confirm("nobody", "123456"));
        Assert.Throws<ConflictException>(() => _harness.Totp.Confirm("alice", "123456"));
    }
}
