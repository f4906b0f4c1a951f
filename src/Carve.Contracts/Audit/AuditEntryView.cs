namespace Carve.Contracts.Audit;

/// <summary>
/// One state change: when, who (a user, "token:NAME", "root@local", or the name a failed login tried), from where
/// ("socket" or the client's address), what (method, route pattern, path, guest) and the result (HTTP status and,
/// for a long operation, its task id). Never a body, so never a secret.
/// </summary>
public sealed record AuditEntryView(
    long Id,
    DateTimeOffset Time,
    string User,
    string Source,
    string Method,
    string Route,
    string Path,
    string? Guest,
    int Status,
    string? TaskId);
