namespace Carve.Contracts.Auth;

/// <summary>Body of POST /api/v1/auth/token-login: a browser session with the role of an API token (e.g. a viewer's).</summary>
public sealed record TokenLoginRequest
{
    public required string Token { get; init; }
}
