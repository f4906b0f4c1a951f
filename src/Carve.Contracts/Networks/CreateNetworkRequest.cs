namespace Carve.Contracts.Networks;

/// <summary>Body of POST /api/v1/networks.</summary>
public sealed record CreateNetworkRequest
{
    /// <summary>1 to 15 lowercase letters, digits and dashes; also the name of a NAT network's bridge.</summary>
    public required string Name { get; init; }
    /// <summary>nat or bridge.</summary>
    public required string Type { get; init; }
    /// <summary>nat: the IPv4 subnet, e.g. 10.77.0.0/24; the host takes its first address.</summary>
    public string? Subnet { get; init; }
    /// <summary>bridge: the host interface that connects the bridge to the LAN.</summary>
    public string? Uplink { get; init; }
    /// <summary>bridge: the Linux bridge to create or adopt (default: the network's name), e.g. vmbr0.</summary>
    public string? Bridge { get; init; }
}
