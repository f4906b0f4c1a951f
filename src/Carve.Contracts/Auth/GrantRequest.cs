namespace Carve.Contracts.Auth;

/// <summary>
/// Body of PUT /api/v1/users/{name}/grant: the user's role, and the guests it is limited to (by name), or null for
/// every guest. The user's sessions end, so the new grant applies at once.
/// </summary>
public sealed record GrantRequest
{
    /// <summary>admin, operator or viewer.</summary>
    public required string Role { get; init; }
    public IReadOnlyList<string>? Guests { get; init; }
}
