using System.Formats.Tar;
using Carve.Lxc.Guests;
using Carve.Lxc.Native;

namespace Carve.Lxc.Rootfs;

public sealed partial class TarballExtractor
{
    private async Task WriteAsync(TarEntry entry, CancellationToken ct)
    {
        if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
            return;
        var name = entry.Name;
        var components = RootfsPath.Components(name);
        Count(name, entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile ? entry.Length : 0);
        if (components is [CtArchiveConfig.MemberName] && entry.EntryType is TarEntryType.RegularFile)
            return; // The settings of a `carve ct export`, read by the import: not part of the rootfs.
        if (components.Count == 0)
        {
            // "./": the root directory's own owner and mode.
            if (entry.EntryType == TarEntryType.Directory)
                SetOwnerAndMode(_root, entry);
            return;
        }
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                WriteDirectory(Target(components, name), entry);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                await WriteFileAsync(Replaceable(components, name), entry, ct);
                break;
            case TarEntryType.SymbolicLink:
                RootfsPath.CheckSymlinkTarget(components, entry.LinkName, name);
                var link = Replaceable(components, name);
                File.CreateSymbolicLink(link, entry.LinkName);
                Libc.LChown(link, HostUid(entry.Uid), HostUid(entry.Gid));
                break;
            case TarEntryType.HardLink:
                var existing = HardLinkTarget(entry.LinkName, name);
                Libc.HardLink(existing, Replaceable(components, name));
                break;
            case TarEntryType.Fifo:
                var fifo = Replaceable(components, name);
                Libc.MakeFifo(fifo, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                SetOwnerAndMode(fifo, entry);
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                _skippedDevices++;
                break;
            default:
                throw RootfsPath.Refuse(name, $"has the unsupported type {entry.EntryType}");
        }
    }

    private string Target(IReadOnlyList<string> components, string name) =>
        RootfsPath.PrepareParents(_root, components, name, RootUid, RootUid);

    /// <summary>The path for a non-directory member; whatever non-directory is there already is unlinked (never followed).</summary>
    private string Replaceable(IReadOnlyList<string> components, string name)
    {
        var path = Target(components, name);
        var status = Libc.LStat(path);
        if (status is { IsDirectory: true })
            throw RootfsPath.Refuse(name, "would replace a directory");
        if (status is not null)
            File.Delete(path);
        return path;
    }

    private void WriteDirectory(string path, TarEntry entry)
    {
        var status = Libc.LStat(path);
        if (status is not null && !status.IsDirectory)
        {
            // A symlink or file where the archive wants a directory: replace the link, do not write through it.
            File.Delete(path);
            status = null;
        }
        if (status is null)
            Directory.CreateDirectory(path);
        SetOwnerAndMode(path, entry);
    }

    private async Task WriteFileAsync(string path, TarEntry entry, CancellationToken ct)
    {
        // CreateNew is O_EXCL: it fails instead of following a symlink that appeared at the path.
        await using (var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            if (entry.DataStream is { } data)
                await data.CopyToAsync(file, ct);
        }
        SetOwnerAndMode(path, entry);
        File.SetLastWriteTimeUtc(path, entry.ModificationTime.UtcDateTime);
    }

    /// <summary>
    /// A hard link's target must be an earlier member reached through real directories only: linkat resolves
    /// parent symlinks, so "link -> /" then "x" linked to "link/etc/shadow" would link the host's file.
    /// </summary>
    private string HardLinkTarget(string linkName, string name)
    {
        var components = RootfsPath.Components(linkName);
        if (components.Count == 0)
            throw RootfsPath.Refuse(name, "is a hard link to the root directory");
        var path = _root;
        for (var i = 0; i < components.Count; i++)
        {
            path = Path.Combine(path, components[i]);
            var status = Libc.LStat(path) ?? throw RootfsPath.Refuse(name, $"is a hard link to '{linkName}', which is not in the archive before it");
            var last = i == components.Count - 1;
            if (!last && !status.IsDirectory)
                throw RootfsPath.Refuse(name, $"is a hard link through '{string.Join('/', components.Take(i + 1))}', which is not a directory");
            if (last && status.IsDirectory)
                throw RootfsPath.Refuse(name, "is a hard link to a directory");
        }
        return path;
    }

    private void SetOwnerAndMode(string path, TarEntry entry)
    {
        Libc.LChown(path, HostUid(entry.Uid), HostUid(entry.Gid));
        // After chown, which would clear setuid/setgid; the mode is exact, not reduced by the umask.
        Libc.Chmod(path, (uint)entry.Mode & 0xFFF);
    }
}
