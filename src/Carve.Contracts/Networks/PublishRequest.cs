namespace Carve.Contracts.Networks;

/// <summary>A host port forwarded to a guest NIC on a NAT network (nftables DNAT).</summary>
public sealed record PublishRequest
{
    public required int HostPort { get; init; }
    public required int GuestPort { get; init; }
    /// <summary>tcp or udp.</summary>
    public string Protocol { get; set; } = "tcp";
}
