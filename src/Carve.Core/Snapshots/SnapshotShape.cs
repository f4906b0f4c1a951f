using Carve.Core.Guests;

namespace Carve.Core.Snapshots;

/// <summary>
/// What a rollback brings back besides the disks: the guest's CPUs and memory as they were when the snapshot was
/// taken. Saved RAM only loads into a machine of the same shape, and "like nothing ever happened" includes the size.
/// Other settings (NICs and their addresses, mounts, host devices, the description) stay as they are now: restoring
/// them could collide with what other guests have been given since.
/// </summary>
public static class SnapshotShape
{
    /// <summary>The current config with the snapshot's CPUs and memory; unchanged for snapshots older than this.</summary>
    public static GuestConfig Restore(GuestConfig current, GuestConfig? snapshot) =>
        snapshot is null || !Differs(current, snapshot) ? current : current with { Cpus = snapshot.Cpus, MemoryMiB = snapshot.MemoryMiB };

    /// <summary>True when a guest running with <paramref name="running"/> has another shape than <paramref name="wanted"/>.</summary>
    public static bool Differs(GuestConfig? running, GuestConfig wanted) =>
        running is not null && (running.Cpus, running.MemoryMiB) != (wanted.Cpus, wanted.MemoryMiB);

    /// <summary>"2 CPUs, 256 MiB" for the task log.</summary>
    public static string Describe(GuestConfig config) =>
        $"{config.Cpus} CPU{(config.Cpus == 1 ? "" : "s")}, {config.MemoryMiB} MiB";
}
