namespace Carve.Core.Audit;

/// <summary>How much of the audit log is kept: enough for months of a homelab's changes in a few tens of MB.</summary>
public sealed record AuditRetention(int KeepDays, int MaxRows, int PruneEvery)
{
    public static AuditRetention Default { get; } = new(KeepDays: 90, MaxRows: 100_000, PruneEvery: 100);
}
