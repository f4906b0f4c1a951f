namespace Carve.Contracts.Auth;

/// <summary>An API token (never its secret). Guests is null when it may use every guest, else the names it is limited to.</summary>
public sealed record TokenView(string Name, string Role, DateTimeOffset CreatedAt, IReadOnlyList<string>? Guests = null);
