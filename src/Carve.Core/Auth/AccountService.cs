using System.Net;
using Carve.Contracts.Auth;
using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Core.Auth;

/// <summary>
/// Logging in, and a password user's own account: its password and its TOTP second factor. Every password or code
/// checked here counts in the login throttle like a login does, so a stolen session cannot be used to guess the
/// password, nor the login form to guess codes.
/// </summary>
public sealed class AccountService(SessionService sessions, UserService users, TotpService totp, LoginThrottle throttle)
{
    public async Task<(string Cookie, SessionView Session)> LoginAsync(LoginRequest request, IPAddress? from, CancellationToken ct)
    {
        throttle.EnsureAllowed(request.Username, from);
        var result = sessions.Login(request.Username, request.Password, request.Totp);
        switch (result.Failure)
        {
            case null:
                throttle.Succeeded(request.Username);
                return (result.Cookie!, result.Session!);
            case LoginFailure.CodeNeeded:
                throw new OneTimeCodeNeededException();
            default:
                await Task.Delay(throttle.Failed(request.Username, from), ct);
                throw new CarveException(401, result.Failure == LoginFailure.WrongCode
                    ? "Wrong one-time code, or one already used: type the code the app shows now."
                    : "Wrong user name or password.");
        }
    }

    /// <summary>The caller's sessions end, this one too: it logs in again with the new password.</summary>
    public async Task ChangePasswordAsync(Principal caller, IPAddress? from, ChangeOwnPasswordRequest request, CancellationToken ct)
    {
        await CheckPasswordAsync(caller, from, request.CurrentPassword, ct);
        users.SetPassword(caller.User, new SetPasswordRequest { Password = request.Password });
    }

    public async Task<TotpSetupView> BeginTotpAsync(Principal caller, IPAddress? from, string password, CancellationToken ct)
    {
        await CheckPasswordAsync(caller, from, password, ct);
        return totp.Begin(caller.User);
    }

    public void ConfirmTotp(Principal caller, string code)
    {
        RequirePasswordUser(caller);
        totp.Confirm(caller.User, code);
    }

    public async Task DisableTotpAsync(Principal caller, IPAddress? from, string password, CancellationToken ct)
    {
        await CheckPasswordAsync(caller, from, password, ct);
        totp.Disable(caller.User);
    }

    private async Task CheckPasswordAsync(Principal caller, IPAddress? from, string password, CancellationToken ct)
    {
        RequirePasswordUser(caller);
        throttle.EnsureAllowed(caller.User, from);
        if (sessions.IsPassword(caller.User, password))
            return;
        await Task.Delay(throttle.Failed(caller.User, from), ct);
        throw new ForbiddenException("The current password is wrong.");
    }

    private void RequirePasswordUser(Principal caller)
    {
        if (!users.Exists(caller.User))
            throw new BadRequestException(
                $"'{Names.Printable(caller.User)}' is not a password user (an API token, or root on the local socket): it has no password or one-time code of its own.");
    }
}
