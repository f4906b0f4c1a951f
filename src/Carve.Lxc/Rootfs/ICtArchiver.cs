using Carve.Lxc.Guests;

namespace Carve.Lxc.Rootfs;

/// <summary>The container export format: a zstd-compressed tar of carve-ct.json and then the rootfs.</summary>
public interface ICtArchiver
{
    /// <summary>
    /// Writes <paramref name="target"/> from <paramref name="rootfs"/>; host ids [idBase, idBase + idCount) become
    /// 0-based container ids, others become nobody (65534).
    /// </summary>
    Task WriteAsync(string rootfs, int idBase, int idCount, CtArchiveConfig config, string target, CancellationToken ct);

    /// <summary>Reads carve-ct.json, the first member of an export; refuses tarballs that do not start with one.</summary>
    Task<CtArchiveConfig> ReadConfigAsync(string tarball, CancellationToken ct);
}
