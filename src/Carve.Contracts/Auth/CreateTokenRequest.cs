namespace Carve.Contracts.Auth;

public sealed record CreateTokenRequest
{
    public required string Name { get; init; }
    /// <summary>admin, operator or viewer.</summary>
    public string Role { get; set; } = "viewer";
    /// <summary>The guests the token is limited to, by name; null for every guest. An admin token cannot be limited.</summary>
    public IReadOnlyList<string>? Guests { get; init; }
}
