namespace Carve.Contracts.Auth;

/// <summary>Body of POST .../totp/confirm: the code the authenticator app shows now for the new secret.</summary>
public sealed record TotpCodeRequest
{
    public required string Code { get; init; }
}
