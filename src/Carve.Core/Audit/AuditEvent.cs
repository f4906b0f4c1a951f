namespace Carve.Core.Audit;

/// <summary>What the API layer saw of one state-changing request, to be written to the audit log.</summary>
public sealed record AuditEvent(
    DateTimeOffset Time,
    string User,
    string Source,
    string Method,
    string Route,
    string Path,
    string? Guest,
    int Status,
    string? TaskId);
