namespace Carve.Core.Guests;

/// <summary>A guest as stored: the kind picks the driver, the config is the driver's own JSON.</summary>
public sealed record GuestRecord
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    /// <summary>vm or ct: the key of its <see cref="Drivers.IInstanceDriver"/>.</summary>
    public required string Kind { get; init; }
    public required string ConfigJson { get; init; }
    public bool Template { get; init; }
    /// <summary>The operation holding the guest, e.g. "create" or "start"; null when free.</summary>
    public string? Lock { get; init; }
    public string? LockTask { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string Describe() => $"{Kind} {Name} ({Id})";
}
