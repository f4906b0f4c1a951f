namespace Carve.Core.Snapshots;

/// <summary>
/// Where a snapshot stands. Anything but Ready means an operation was under way; a daemon that died then leaves
/// it for <see cref="SnapshotRecovery"/> to finish or undo.
/// </summary>
public static class SnapshotStates
{
    public const string Creating = "creating";
    public const string Ready = "ready";
    public const string Deleting = "deleting";
    public const string RollingBack = "rollback";
}
