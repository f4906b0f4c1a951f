using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Networks;
using Carve.Host.Net;
using Carve.Network.Nft;

namespace Carve.Network.Bridge;

/// <summary>
/// "bridge": guests join a LAN through a Linux bridge with an uplink, like Proxmox's vmbr0, and get addresses from
/// the LAN's own DHCP. An existing bridge is adopted (made VLAN-aware, never deleted); otherwise Carve creates it and
/// enslaves the uplink as a trunk for every VLAN. Addresses on the uplink are not moved.
/// </summary>
public sealed class BridgeNetworkDriver(CarveOptions options, LinkCommands links, NftCommands nft, BridgePorts ports) : INetworkDriver
{
    public const string Key = "bridge";

    public string Type => Key;

    public bool Check(NetworkRecord network)
    {
        if (network.Uplink is { } uplink)
        {
            if (!links.Exists(uplink))
                throw new BadRequestException($"There is no interface {uplink} to use as uplink.");
            if (links.IsBridge(uplink))
                throw new BadRequestException($"{uplink} is a bridge; give it as --bridge to adopt it, with a physical uplink.");
            if (links.MasterOf(uplink) is { } master && master != network.Bridge)
                throw new ConflictException($"The uplink {uplink} is already a port of {master}.");
        }
        if (!links.Exists(network.Bridge))
            return false;
        return links.IsBridge(network.Bridge)
            ? true
            : throw new ConflictException($"{network.Bridge} exists and is not a bridge; Carve will not touch it.");
    }

    public async Task ApplyAsync(NetworkRecord network, NetworkPlan plan, CancellationToken ct)
    {
        if (!links.Exists(network.Bridge))
        {
            if (network.Adopted)
                throw new OperationFailedException($"The adopted bridge {network.Bridge} is gone; create it again or delete the network.");
            await links.CreateBridgeAsync(network.Bridge, ct);
        }
        else
        {
            await links.TryEnableVlanFilteringAsync(network.Bridge, ct);
        }
        if (network.Uplink is { } uplink && links.MasterOf(uplink) != network.Bridge)
        {
            await links.SetMasterAsync(uplink, network.Bridge, ct);
            if (links.VlanFiltering(network.Bridge))
                await links.SetTrunkAsync(uplink, ct);
            await links.SetUpAsync(uplink, ct);
        }
        await links.SetUpAsync(network.Bridge, ct);
        await ports.ReattachAsync(network.Bridge, plan.Ports, ct);
        await ApplyVlanGroupsAsync(network, plan, ct);
    }

    /// <summary>Where the kernel tags VLANs itself nothing is needed; elsewhere nftables keeps the groups apart.</summary>
    private async Task ApplyVlanGroupsAsync(NetworkRecord network, NetworkPlan plan, CancellationToken ct)
    {
        var paths = NetworkPaths.For(options, network.Name);
        Directory.CreateDirectory(paths.Dir);
        if (links.VlanFiltering(network.Bridge) || plan.Ports.All(p => p.Vlan is null))
        {
            await nft.DeleteTableAsync(VlanRulesetBuilder.Family, VlanRulesetBuilder.TableName(network.Name), paths.Scratch, ct);
            return;
        }
        await File.WriteAllTextAsync(paths.Ruleset, VlanRulesetBuilder.Build(network.Name, network.Bridge, plan.Ports), ct);
        await nft.LoadAsync(paths.Ruleset, ct);
    }

    public async Task RemoveAsync(NetworkRecord network, CancellationToken ct)
    {
        // Deleting a bridge releases its ports, the uplink included; an adopted bridge stays as Carve found it.
        if (!network.Adopted && links.IsBridgeSafe(network.Bridge))
            await links.DeleteIfExistsAsync(network.Bridge, ct);
        var paths = NetworkPaths.For(options, network.Name);
        if (Directory.Exists(paths.Dir))
        {
            await nft.DeleteTableAsync(VlanRulesetBuilder.Family, VlanRulesetBuilder.TableName(network.Name), paths.Scratch, ct);
            Directory.Delete(paths.Dir, recursive: true);
        }
    }

    public IReadOnlyList<NetworkLease> Leases(NetworkRecord network) => [];
}
