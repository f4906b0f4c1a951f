using Carve.Core.Networks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>The host side of bridged NICs: nothing is plugged, what was asked is recorded.</summary>
internal sealed class RecordingBridgePorts : IBridgePorts
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
                return [.. _calls];
        }
    }

    public bool KernelVlans(string bridge) => true;

    public Task PlugTapAsync(string tap, string bridge, int? vlan, CancellationToken ct) => Record($"plug {tap} {bridge}{(vlan is null ? "" : $" vlan {vlan}")}");

    public Task RemoveAsync(string hostInterface, CancellationToken ct) => Record($"remove {hostInterface}");

    private Task Record(string call)
    {
        lock (_gate)
            _calls.Add(call);
        return Task.CompletedTask;
    }
}
