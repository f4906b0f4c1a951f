namespace Carve.Contracts.Auth;

/// <summary>Body of PUT /api/v1/users/{name}/role. The user's sessions end, so the new role applies at once.</summary>
public sealed record SetRoleRequest
{
    /// <summary>admin, operator or viewer.</summary>
    public required string Role { get; init; }
}
