using Carve.Core.Networks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>A network type that makes nothing on the host and records each plan it was asked to apply.</summary>
internal sealed class RecordingNetworkDriver(string type) : INetworkDriver
{
    private readonly Lock _gate = new();
    private readonly List<(string Network, NetworkPlan Plan)> _applied = [];

    public string Type => type;

    /// <summary>The plans applied so far, in order, with the network each was for.</summary>
    public IReadOnlyList<(string Network, NetworkPlan Plan)> Applied
    {
        get
        {
            lock (_gate)
                return [.. _applied];
        }
    }

    public bool Check(NetworkRecord network) => false;

    public Task ApplyAsync(NetworkRecord network, NetworkPlan plan, CancellationToken ct)
    {
        lock (_gate)
            _applied.Add((network.Name, plan));
        return Task.CompletedTask;
    }

    public Task RemoveAsync(NetworkRecord network, CancellationToken ct) => Task.CompletedTask;

    /// <summary>What Leases answers, as a NAT network's dnsmasq lease file would.</summary>
    public IReadOnlyList<NetworkLease> HandedOut { get; set; } = [];

    public IReadOnlyList<NetworkLease> Leases(NetworkRecord network) => HandedOut;
}
