namespace Carve.Core.Networks;

/// <summary>A network as stored in the networks table.</summary>
public sealed record NetworkRecord
{
    public required string Name { get; init; }
    /// <summary>The driver key: nat or bridge.</summary>
    public required string Type { get; init; }
    public required string Bridge { get; init; }
    /// <summary>nat: the IPv4 subnet in CIDR form.</summary>
    public string? Subnet { get; init; }
    /// <summary>bridge: the LAN interface enslaved to the bridge.</summary>
    public string? Uplink { get; init; }
    /// <summary>The bridge existed before Carve: it is configured but never deleted.</summary>
    public bool Adopted { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public Ipv4Subnet? ParsedSubnet => Subnet is null ? null : Ipv4Subnet.Parse(Subnet);
}
