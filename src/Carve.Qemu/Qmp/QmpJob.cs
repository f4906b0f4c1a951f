namespace Carve.Qemu.Qmp;

/// <summary>One entry of <c>query-jobs</c>.</summary>
/// <param name="Status">created, running, paused, ready, concluded, null, ...; a concluded job waits for job-dismiss.</param>
/// <param name="Error">Why the job failed; null when it succeeded or has not ended.</param>
public sealed record QmpJob(string Id, string Type, string Status, string? Error)
{
    public bool Concluded => Status is "concluded" or "null";
}
