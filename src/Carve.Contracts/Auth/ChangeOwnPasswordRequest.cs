namespace Carve.Contracts.Auth;

/// <summary>Body of PUT /api/v1/auth/password: the caller's current password and its new one. Its sessions end.</summary>
public sealed record ChangeOwnPasswordRequest
{
    public required string CurrentPassword { get; init; }
    public required string Password { get; init; }
}
