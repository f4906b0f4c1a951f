namespace Carve.Lxc.Native;

/// <summary>What lstat says about a path (symlinks are not followed).</summary>
public sealed record FileStatus(uint Mode, int Uid, int Gid, long Size, ulong Inode, uint Links)
{
    private const uint TypeMask = 0xF000;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;
    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;
    public bool IsSymlink => (Mode & TypeMask) == 0xA000;

    /// <summary>setuid, setgid and sticky: chown clears the first two, so they are put back after it.</summary>
    public uint SpecialBits => Mode & 0xE00;

    public UnixFileMode Permissions => (UnixFileMode)(Mode & 0xFFF);
}
