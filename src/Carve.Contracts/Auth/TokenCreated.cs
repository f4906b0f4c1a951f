namespace Carve.Contracts.Auth;

/// <summary>The only time the secret is ever shown: only its hash is stored.</summary>
public sealed record TokenCreated(string Name, string Role, string Secret, IReadOnlyList<string>? Guests = null);
