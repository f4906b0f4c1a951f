namespace Carve.Contracts.Host;

/// <summary>Memory and CPUs: what the host keeps for itself, what running guests hold and what is left for more.</summary>
public sealed record ResourceUsage
{
    public long ReservedMemoryBytes { get; init; }
    public IReadOnlyList<int> ReservedCpus { get; set; } = [];
    /// <summary>The cores guests run on: all but the reserved ones.</summary>
    public IReadOnlyList<int> GuestCpus { get; set; } = [];
    public double Overcommit { get; set; } = 1.0;
    /// <summary>(host memory - reservation) x overcommit: what running guests may hold together.</summary>
    public long GuestMemoryLimitBytes { get; init; }
    /// <summary>The configured memory of running and starting guests.</summary>
    public long CommittedMemoryBytes { get; init; }
    public long FreeMemoryBytes { get; init; }
    public int RunningGuests { get; init; }
    public int CommittedCpus { get; init; }
}
