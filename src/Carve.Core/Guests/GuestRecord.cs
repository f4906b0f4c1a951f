using Carve.Contracts.Guests;

namespace Carve.Core.Guests;

/// <summary>A guest as stored: its kind picks the drivers, its config is the common part plus the driver's own.</summary>
public sealed record GuestRecord
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required GuestKind Kind { get; init; }
    public required GuestConfig Config { get; init; }
    public bool Template { get; init; }
    /// <summary>The operation holding the guest, e.g. "vm-create" or "ct-start"; null when free.</summary>
    public string? Lock { get; init; }
    public string? LockTask { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string Describe() => $"{Kind} {Name} ({Id})";
}
