namespace Carve.Contracts.Auth;

/// <summary>Body of POST /api/v1/users.</summary>
public sealed record CreateUserRequest
{
    public required string Name { get; init; }
    /// <summary>admin, operator or viewer.</summary>
    public string Role { get; init; } = Roles.Viewer;
    public required string Password { get; init; }
}
