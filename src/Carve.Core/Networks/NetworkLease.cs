namespace Carve.Core.Networks;

/// <summary>One DHCP lease as dnsmasq records it.</summary>
public sealed record NetworkLease(string Mac, string Ip, string? Hostname, DateTimeOffset? ExpiresAt);
