using Carve.Lxc.Native;

namespace Carve.Lxc.Rootfs;

/// <summary>
/// Gives a rootfs copied from a template (owned by host ids) to an unprivileged container's id range, walking the
/// tree with lstat and lchown so that no symlink is ever followed out of it.
/// </summary>
public static class IdShifter
{
    /// <returns>How many entries changed owner.</returns>
    public static long Shift(string root, IdMapping mapping, CancellationToken ct)
    {
        var count = 0L;
        // A file with several hard links is met once per name; shifting it twice would make it "nobody".
        var shiftedInodes = new HashSet<ulong>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var dir = pending.Pop();
            count += ShiftOne(dir, mapping, shiftedInodes);
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
            {
                if (Libc.LStat(entry) is { IsDirectory: true })
                    pending.Push(entry);
                else
                    count += ShiftOne(entry, mapping, shiftedInodes);
            }
        }
        return count;
    }

    private static int ShiftOne(string path, IdMapping mapping, HashSet<ulong> shiftedInodes)
    {
        var status = Libc.LStat(path);
        if (status is null || (status.Links > 1 && !status.IsDirectory && !shiftedInodes.Add(status.Inode)))
            return 0;
        Libc.LChown(path, mapping.ToHost(status.Uid), mapping.ToHost(status.Gid));
        // chown drops setuid and setgid from files (su, passwd, ...): put them back.
        if (status.SpecialBits != 0 && !status.IsSymlink)
            Libc.Chmod(path, status.Mode & 0xFFF);
        return 1;
    }
}
