using Carve.Contracts.Vms;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>A change request of any kind for <see cref="FakeGuestEditor"/>; null fields change nothing.</summary>
internal sealed record FakeSetRequest
{
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<NicRequest?>? Nics { get; init; }
    /// <summary>A kind-specific setting: stored as "marker" in the config's own part.</summary>
    public string? Marker { get; init; }
    /// <summary>Run a recorded "after NAME" step once the new config is stored.</summary>
    public bool After { get; init; }
}
