namespace Carve.Contracts.Auth;

/// <summary>Body of the caller's own second-factor changes (POST /auth/totp, /auth/totp/disable): its password again.</summary>
public sealed record PasswordCheckRequest
{
    public required string Password { get; init; }
}
