using Carve.Core.Networks;

namespace Carve.Network.Dnsmasq;

/// <summary>Everything in one NAT network's dnsmasq config.</summary>
public sealed record DnsmasqSpec
{
    public required string Network { get; init; }
    public required string Bridge { get; init; }
    public required Ipv4Subnet Subnet { get; init; }
    public required string LeaseFile { get; init; }
    public required string PidFile { get; init; }
    public IReadOnlyList<DhcpReservation> Reservations { get; init; } = [];
    public string LeaseTime { get; init; } = "1h";
}
