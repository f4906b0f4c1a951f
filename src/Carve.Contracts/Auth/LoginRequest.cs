namespace Carve.Contracts.Auth;

public sealed record LoginRequest
{
    public required string Username { get; init; }
    public required string Password { get; init; }
    /// <summary>The authenticator app's current code, for a user with a TOTP second factor.</summary>
    public string? Totp { get; init; }
}
