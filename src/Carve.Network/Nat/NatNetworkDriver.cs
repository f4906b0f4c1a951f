using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Networks;
using Carve.Host.Net;
using Carve.Network.Dnsmasq;
using Carve.Network.Nft;

namespace Carve.Network.Nat;

/// <summary>
/// "nat": an isolated bridge named after the network with the subnet's first address, dnsmasq for DHCP and DNS
/// on that bridge alone, and an nftables table for masquerade, published ports and isolation.
/// </summary>
public sealed class NatNetworkDriver(
    CarveOptions options, LinkCommands links, NftCommands nft, Sysctl sysctl, DnsmasqSupervisor dnsmasq, BridgePorts ports) : INetworkDriver
{
    public const string Key = "nat";

    public string Type => Key;

    public bool Check(NetworkRecord network) =>
        links.Exists(network.Bridge)
            ? throw new ConflictException($"An interface named {network.Bridge} exists already; a NAT network makes its own bridge, so pick another name.")
            : false;

    public async Task ApplyAsync(NetworkRecord network, NetworkPlan plan, CancellationToken ct)
    {
        var subnet = network.ParsedSubnet ?? throw new OperationFailedException($"NAT network {network.Name} has no subnet.");
        var paths = NetworkPaths.For(options, network.Name);
        Directory.CreateDirectory(paths.Dir);
        if (!links.Exists(network.Bridge))
            await links.CreateBridgeAsync(network.Bridge, ct);
        else if (!links.IsBridge(network.Bridge))
            throw new OperationFailedException($"{network.Bridge} exists but is not a bridge; Carve leaves it alone.");
        await links.EnsureAddressAsync(network.Bridge, subnet.GatewayCidr, ct);
        await links.SetUpAsync(network.Bridge, ct);
        await ports.ReattachAsync(network.Bridge, plan.Ports, ct);
        sysctl.EnableIpv4Forwarding();

        var ruleset = NatRulesetBuilder.Build(new NatRulesetSpec
        {
            Network = network.Name, Bridge = network.Bridge, Subnet = subnet, Forwards = plan.Forwards,
        });
        await File.WriteAllTextAsync(paths.Ruleset, ruleset, ct);
        await nft.LoadAsync(paths.Ruleset, ct);

        await dnsmasq.EnsureAsync(paths, DnsmasqConfigBuilder.Build(new DnsmasqSpec
        {
            Network = network.Name, Bridge = network.Bridge, Subnet = subnet,
            LeaseFile = paths.Leases, PidFile = paths.DnsmasqPid, Reservations = plan.Reservations,
        }), ct);
    }

    public async Task RemoveAsync(NetworkRecord network, CancellationToken ct)
    {
        var paths = NetworkPaths.For(options, network.Name);
        await dnsmasq.StopAsync(paths, ct);
        if (Directory.Exists(paths.Dir))
            await nft.DeleteTableAsync(NatRulesetBuilder.Family, NatRulesetBuilder.TableName(network.Name), paths.Scratch, ct);
        await links.DeleteIfExistsAsync(network.Bridge, ct);
        if (Directory.Exists(paths.Dir))
            Directory.Delete(paths.Dir, recursive: true);
    }

    public string? Failure(NetworkRecord network)
    {
        var paths = NetworkPaths.For(options, network.Name);
        return File.Exists(paths.DnsmasqConfig) && dnsmasq.Find(paths) is null ? "its dnsmasq is not running" : null;
    }

    public IReadOnlyList<NetworkLease> Leases(NetworkRecord network) => LeaseFile.Read(NetworkPaths.For(options, network.Name).Leases);
}
