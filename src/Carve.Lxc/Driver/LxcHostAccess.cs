using Carve.Core.Tasks;
using Carve.Lxc.Guests;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Rootfs;

namespace Carve.Lxc.Driver;

/// <summary>What an unprivileged container needs of the host: its id range delegated to root, and a way down to its rootfs.</summary>
public sealed class LxcHostAccess(SubordinateIds subordinateIds, TraversalAccess traversal)
{
    /// <summary>The container's id mapping; null for a privileged container, whose ids are the host's.</summary>
    public static IdMapping? Mapping(CtSpec spec) => spec.Privileged ? null : new IdMapping(spec.IdMapStart, spec.IdMapCount);

    public async Task PrepareAsync(CtSpec spec, string rootfs, ITaskContext task, CancellationToken ct)
    {
        if (spec.Privileged)
            return;
        foreach (var file in subordinateIds.EnsureDelegated(spec.IdMapStart, spec.IdMapCount))
            task.Log($"Delegated ids {spec.IdMapStart}-{spec.IdMapStart + spec.IdMapCount - 1} to root in {file}.");
        foreach (var dir in await traversal.GrantAsync(rootfs, spec.IdMapStart, ct))
            task.Log($"Let host uid {spec.IdMapStart} search {dir} (ACL) so the container can reach its root file system.");
    }
}
