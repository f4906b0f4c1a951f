namespace Carve.Contracts.Auth;

public sealed record CreateTokenRequest
{
    public required string Name { get; init; }
    /// <summary>admin, operator or viewer.</summary>
    public string Role { get; set; } = "viewer";
}
