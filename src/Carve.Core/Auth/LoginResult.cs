using Carve.Contracts.Auth;

namespace Carve.Core.Auth;

public enum LoginFailure
{
    /// <summary>Unknown user or wrong password (the answer does not say which).</summary>
    WrongPassword,
    /// <summary>The password is right; the user has a TOTP second factor and no code came.</summary>
    CodeNeeded,
    /// <summary>The password is right; the code is wrong, or already spent.</summary>
    WrongCode,
}

/// <summary>A login's outcome: a session (cookie value and view), or why not.</summary>
public sealed record LoginResult(LoginFailure? Failure, string? Cookie = null, SessionView? Session = null)
{
    public static LoginResult Refused(LoginFailure failure) => new(failure);
}
