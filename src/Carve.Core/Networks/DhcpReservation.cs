namespace Carve.Core.Networks;

/// <summary>A fixed address for one guest NIC; the hostname is the guest's name, so guests find each other by name.</summary>
public sealed record DhcpReservation(string Mac, string Ip, string Hostname);
