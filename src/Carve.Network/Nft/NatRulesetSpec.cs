using Carve.Core.Networks;

namespace Carve.Network.Nft;

public sealed record NatRulesetSpec
{
    public required string Network { get; init; }
    public required string Bridge { get; init; }
    public required Ipv4Subnet Subnet { get; init; }
    public IReadOnlyList<PortForward> Forwards { get; init; } = [];
}
