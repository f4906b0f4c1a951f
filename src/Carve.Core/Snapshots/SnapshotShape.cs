using Carve.Core.Containers;
using Carve.Core.Vms;

namespace Carve.Core.Snapshots;

/// <summary>
/// What a rollback brings back besides the disks: the guest's CPUs and memory as they were when the snapshot was
/// taken. Saved RAM only loads into a VM of the same shape, and "like nothing ever happened" includes the size.
/// Other settings (NICs and their addresses, mounts, host devices, the description) stay as they are now: restoring
/// them could collide with what other guests have been given since.
/// </summary>
public static class SnapshotShape
{
    /// <summary>The current config with the snapshot's CPUs and memory; unchanged for snapshots older than this.</summary>
    public static string Restore(string kind, string currentJson, string? snapshotJson)
    {
        if (snapshotJson is null)
            return currentJson;
        var (cpus, memory) = Of(kind, snapshotJson);
        if (Of(kind, currentJson) == (cpus, memory))
            return currentJson;
        return kind == VmService.Kind
            ? (VmConfig.FromJson(currentJson) with { Cpus = cpus, MemoryMiB = memory }).ToJson()
            : (CtConfig.FromJson(currentJson) with { Cpus = cpus, MemoryMiB = memory }).ToJson();
    }

    /// <summary>True when a VM running with <paramref name="runningJson"/> has another shape than <paramref name="wantedJson"/>.</summary>
    public static bool Differs(string kind, string? runningJson, string wantedJson) =>
        kind == VmService.Kind && runningJson is not null && Of(kind, runningJson) != Of(kind, wantedJson);

    /// <summary>"2 CPUs, 256 MiB" for the task log.</summary>
    public static string Describe(string kind, string configJson)
    {
        var (cpus, memory) = Of(kind, configJson);
        return $"{cpus} CPU{(cpus == 1 ? "" : "s")}, {memory} MiB";
    }

    private static (int Cpus, int MemoryMiB) Of(string kind, string json)
    {
        if (kind == VmService.Kind)
        {
            var vm = VmConfig.FromJson(json);
            return (vm.Cpus, vm.MemoryMiB);
        }
        var ct = CtConfig.FromJson(json);
        return (ct.Cpus, ct.MemoryMiB);
    }
}
