namespace Carve.Contracts.Networks;

public sealed record LeaseView(string Mac, string Ip, string? Hostname, DateTimeOffset? ExpiresAt);
