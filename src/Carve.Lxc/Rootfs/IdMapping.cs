namespace Carve.Lxc.Rootfs;

/// <summary>How an unprivileged container's ids appear on the host: container id N is host id Start + N.</summary>
public sealed record IdMapping(int Start, int Count)
{
    /// <summary>The kernel's overflow id ("nobody"), for ids outside the mapped range.</summary>
    private const int Overflow = 65534;

    public int ToHost(int containerId) =>
        containerId >= 0 && containerId < Count ? Start + containerId : Start + Math.Min(Overflow, Count - 1);
}
