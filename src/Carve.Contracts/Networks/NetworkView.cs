namespace Carve.Contracts.Networks;

public sealed record NetworkView
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    /// <summary>The Linux bridge guests' NICs are plugged into.</summary>
    public required string Bridge { get; init; }
    public string? Subnet { get; init; }
    /// <summary>The host's address on a NAT network: the guests' router and DNS server.</summary>
    public string? Gateway { get; init; }
    public string? Uplink { get; init; }
    /// <summary>True when the bridge existed before and Carve only adopted it (delete leaves it).</summary>
    public bool Adopted { get; init; }
    /// <summary>Guests with a NIC on this network, as "vm 100 (web)".</summary>
    public IReadOnlyList<string> Users { get; set; } = [];
    /// <summary>DHCP leases handed out by a NAT network's dnsmasq.</summary>
    public IReadOnlyList<LeaseView> Leases { get; set; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}
