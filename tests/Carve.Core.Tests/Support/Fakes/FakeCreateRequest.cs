using Carve.Contracts.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>A create request of any kind for <see cref="FakeGuestFactory"/>, as a driver module's own request type would be.</summary>
internal sealed record FakeCreateRequest(GuestKind Kind, string Name)
{
    public int? Id { get; init; }
    public bool Start { get; init; }
    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 512;
    /// <summary>The task type; "{kind}-create" when null (an import names its own).</summary>
    public string? TaskType { get; init; }
}
