namespace Carve.Contracts.Auth;

public sealed record TokenView(string Name, string Role, DateTimeOffset CreatedAt);
