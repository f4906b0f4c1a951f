namespace Carve.Contracts.Auth;

/// <summary>A password user (never its password or hash). CreatedAt is null for the first admin of an older install.</summary>
public sealed record UserView(string Name, string Role, DateTimeOffset? CreatedAt);
