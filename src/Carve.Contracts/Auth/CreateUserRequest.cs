namespace Carve.Contracts.Auth;

/// <summary>Body of POST /api/v1/users.</summary>
public sealed record CreateUserRequest
{
    public required string Name { get; init; }
    /// <summary>admin, operator or viewer.</summary>
    // set, not init: the generated serializer would otherwise drop the default when the field is absent.
    public string Role { get; set; } = Roles.Viewer;
    public required string Password { get; init; }
}
