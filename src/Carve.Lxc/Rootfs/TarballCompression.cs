namespace Carve.Lxc.Rootfs;

/// <summary>What a tarball is compressed with, told from its first bytes rather than its name.</summary>
public enum TarballCompression
{
    None,
    Gzip,
    Xz,
    Zstd,
}
