namespace Carve.Core.Networks;

/// <summary>What a network serves for its guests: DHCP reservations and published ports, computed from the guests' NICs.</summary>
public sealed record NetworkPlan
{
    public IReadOnlyList<DhcpReservation> Reservations { get; init; } = [];
    public IReadOnlyList<PortForward> Forwards { get; init; } = [];
    /// <summary>Every guest NIC on the network, to keep VLANs apart where the kernel cannot.</summary>
    public IReadOnlyList<NetworkPort> Ports { get; init; } = [];
}
