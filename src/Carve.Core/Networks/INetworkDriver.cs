namespace Carve.Core.Networks;

/// <summary>
/// One type of network (bridge, nat), registered by its key. Carve touches only the interfaces a driver created or
/// was told to adopt. Every method is idempotent: the daemon applies each network again whenever it starts.
/// </summary>
public interface INetworkDriver
{
    /// <summary>The key stored with each network.</summary>
    string Type { get; }

    /// <summary>Checks a new network before it is stored: the bridge and uplink may be used this way. Returns whether the bridge is adopted.</summary>
    bool Check(NetworkRecord network);

    /// <summary>Makes the host match the network and its plan: bridge, addresses, DHCP and firewall rules.</summary>
    Task ApplyAsync(NetworkRecord network, NetworkPlan plan, CancellationToken ct);

    /// <summary>Removes what Carve made for the network; an adopted bridge stays.</summary>
    Task RemoveAsync(NetworkRecord network, CancellationToken ct);

    /// <summary>
    /// Why the network no longer works as applied (a helper such as its dnsmasq died), or null; asked every few
    /// seconds by <see cref="NetworkWatch"/>, so it must be cheap. ApplyAsync repairs what it names.
    /// </summary>
    string? Failure(NetworkRecord network) => null;

    /// <summary>Current DHCP leases, when Carve serves DHCP on the network.</summary>
    IReadOnlyList<NetworkLease> Leases(NetworkRecord network);
}
