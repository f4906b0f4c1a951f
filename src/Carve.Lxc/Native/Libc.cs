using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Carve.Lxc.Native;

/// <summary>The few file system calls .NET does not offer: owner ids, hard links, fifos, all without following symlinks.</summary>
public static partial class Libc
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2;

    /// <summary>lstat(2) through statx, whose layout is the same on every architecture; null if the path does not exist.</summary>
    public static FileStatus? LStat(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == ENOENT || errno == 20 /* ENOTDIR */ ? null : throw Failure("stat", path, errno);
        }
        return new FileStatus(
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]),
            Uid: (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]),
            Gid: (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer[24..]),
            Size: (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer[40..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]),
            Links: BinaryPrimitives.ReadUInt32LittleEndian(buffer[16..]));
    }

    /// <summary>Changes the owner of the path itself, even when it is a symlink.</summary>
    public static void LChown(string path, int uid, int gid)
    {
        if (lchown(path, uid, gid) != 0)
            throw Failure("chown", path, Marshal.GetLastPInvokeError());
    }

    /// <summary>A hard link; a symlink <paramref name="existing"/> is linked itself, never followed.</summary>
    public static void HardLink(string existing, string newPath)
    {
        if (linkat(AtFdCwd, existing, AtFdCwd, newPath, 0) != 0)
            throw Failure("link", newPath, Marshal.GetLastPInvokeError());
    }

    public static void MakeFifo(string path, UnixFileMode mode)
    {
        if (mkfifo(path, (uint)mode) != 0)
            throw Failure("mkfifo", path, Marshal.GetLastPInvokeError());
    }

    /// <summary>chmod(2) with the setuid/setgid/sticky bits, which File.SetUnixFileMode also takes but names differently.</summary>
    public static void Chmod(string path, uint mode)
    {
        if (chmod(path, mode) != 0)
            throw Failure("chmod", path, Marshal.GetLastPInvokeError());
    }

    private static IOException Failure(string call, string path, int errno) =>
        new($"{call} {path}: {Marshal.GetPInvokeErrorMessage(errno)}");

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int lchown(string path, int owner, int group);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int linkat(int olddirfd, string oldpath, int newdirfd, string newpath, int flags);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int mkfifo(string path, uint mode);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int chmod(string path, uint mode);
}
