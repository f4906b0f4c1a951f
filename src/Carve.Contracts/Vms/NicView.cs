namespace Carve.Contracts.Vms;

public sealed record NicView(string Name, string Network, string Model, string Mac)
{
    public int? Vlan { get; init; }
    /// <summary>The address a NAT network's DHCP reserves for this NIC.</summary>
    public string? Ip { get; init; }
    /// <summary>Published ports as HOSTPORT:GUESTPORT/PROTO.</summary>
    public IReadOnlyList<string> Publish { get; set; } = [];
    /// <summary>The host side of the NIC (tap or veth), when it is on a Carve network.</summary>
    public string? HostInterface { get; init; }
}
