namespace Carve.Contracts.Guests;

/// <summary>One row of GET /api/v1/guests: VMs and containers alike.</summary>
public sealed record GuestSummary
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    /// <summary>vm or ct.</summary>
    public required GuestKind Type { get; init; }
    public required string Status { get; init; }
    public int Cpus { get; init; }
    public int MemoryMiB { get; init; }
    public bool Template { get; init; }
    public string? Lock { get; init; }
}
