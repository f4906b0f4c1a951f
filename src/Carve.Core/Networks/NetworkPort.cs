namespace Carve.Core.Networks;

/// <summary>A guest NIC's host side (tap or veth) on a network's bridge, with its VLAN (null: untagged).</summary>
public sealed record NetworkPort(string HostInterface, int? Vlan);
