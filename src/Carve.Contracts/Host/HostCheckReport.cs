namespace Carve.Contracts.Host;

/// <summary>The hardware and readiness report of GET /api/v1/host/check.</summary>
public sealed record HostCheckReport
{
    public required IReadOnlyList<CheckFinding> Findings { get; init; }
    /// <summary>The worst verdict of all findings.</summary>
    public required string Verdict { get; init; }
}
