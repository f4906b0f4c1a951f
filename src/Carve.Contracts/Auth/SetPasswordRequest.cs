namespace Carve.Contracts.Auth;

/// <summary>Body of PUT /api/v1/users/{name}/password. The user's sessions end.</summary>
public sealed record SetPasswordRequest
{
    public required string Password { get; init; }
}
