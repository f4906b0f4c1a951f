namespace Carve.Core.Guests;

/// <summary>What a guest's lock (its task's type, e.g. "vm-start") means to recovery after a crash.</summary>
public static class GuestLocks
{
    /// <summary>
    /// A create or a delete left half done is settled by recovery (the guest removed, or deleted the rest of the way),
    /// so such a lock, and its release, must reach the disk. Any other lock recovery only releases: whether it survived
    /// a power cut changes nothing, so its task's bookkeeping is written lazily (Database.OpenLazy).
    /// </summary>
    public static bool RecoverySettles(string lockName) =>
        lockName.EndsWith("-create", StringComparison.Ordinal) || lockName.EndsWith("-delete", StringComparison.Ordinal);
}
