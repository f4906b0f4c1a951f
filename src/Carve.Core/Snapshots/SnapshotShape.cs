using Carve.Core.Vms;

namespace Carve.Core.Snapshots;

/// <summary>
/// What a rollback brings back besides the disks: a VM's CPUs and memory as they were when the snapshot was taken.
/// Saved RAM only loads into a machine of the same shape, and "like nothing ever happened" includes the size.
/// Other settings (NICs and their addresses, host devices, the description) stay as they are now: restoring them
/// could collide with what other guests have been given since.
/// </summary>
public static class SnapshotShape
{
    /// <summary>The current config with the snapshot's CPUs and memory; unchanged for containers and older snapshots.</summary>
    public static string Restore(string kind, string currentJson, string? snapshotJson)
    {
        if (kind != VmService.Kind || snapshotJson is null)
            return currentJson;
        var now = VmConfig.FromJson(currentJson);
        var then = VmConfig.FromJson(snapshotJson);
        return now.Cpus == then.Cpus && now.MemoryMiB == then.MemoryMiB
            ? currentJson
            : (now with { Cpus = then.Cpus, MemoryMiB = then.MemoryMiB }).ToJson();
    }

    /// <summary>True when a VM running with <paramref name="runningJson"/> has another shape than <paramref name="wantedJson"/>.</summary>
    public static bool Differs(string kind, string? runningJson, string wantedJson)
    {
        if (kind != VmService.Kind || runningJson is null)
            return false;
        var running = VmConfig.FromJson(runningJson);
        var wanted = VmConfig.FromJson(wantedJson);
        return running.Cpus != wanted.Cpus || running.MemoryMiB != wanted.MemoryMiB;
    }

    /// <summary>"2 CPUs, 256 MiB" for the task log.</summary>
    public static string Describe(string configJson)
    {
        var c = VmConfig.FromJson(configJson);
        return $"{c.Cpus} CPU{(c.Cpus == 1 ? "" : "s")}, {c.MemoryMiB} MiB";
    }
}
