using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Lxc.Native;

namespace Carve.Lxc.Rootfs;

/// <summary>
/// Resolves archive member names inside a rootfs without ever following a symlink: a rootfs is full of absolute
/// links (/etc/mtab -> /proc/self/mounts) that point at the host when seen from outside the container.
/// </summary>
public static class RootfsPath
{
    /// <summary>The member name as path components; refuses absolute names, '..' and empty names.</summary>
    public static IReadOnlyList<string> Components(string memberName)
    {
        if (memberName.Any(char.IsControl))
            throw Refuse(memberName, "contains a control character");
        if (memberName.StartsWith('/'))
            throw Refuse(memberName, "is an absolute path");
        var parts = memberName.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (parts.Contains(".."))
            throw Refuse(memberName, "contains '..'");
        return parts;
    }

    /// <summary>
    /// The host path for the member, creating missing parent directories (owned by <paramref name="dirUid"/>).
    /// Refuses when a parent is a symlink or not a directory.
    /// </summary>
    public static string PrepareParents(string root, IReadOnlyList<string> components, string memberName, int dirUid, int dirGid)
    {
        var current = root;
        for (var i = 0; i < components.Count - 1; i++)
        {
            current = Path.Combine(current, components[i]);
            var status = Libc.LStat(current);
            if (status is null)
            {
                Directory.CreateDirectory(current, (UnixFileMode)0b111_101_101);
                Libc.LChown(current, dirUid, dirGid);
            }
            else if (status.IsSymlink)
            {
                throw Refuse(memberName, $"goes through the symlink {string.Join('/', components.Take(i + 1))}");
            }
            else if (!status.IsDirectory)
            {
                throw Refuse(memberName, $"goes through {string.Join('/', components.Take(i + 1))}, which is not a directory");
            }
        }
        return Path.Combine(current, components[^1]);
    }

    /// <summary>
    /// A relative symlink target must stay inside the rootfs when resolved from the link's directory.
    /// Absolute targets are fine: they resolve inside the container, and the extractor never follows them.
    /// </summary>
    public static void CheckSymlinkTarget(IReadOnlyList<string> linkComponents, string target, string memberName)
    {
        if (target.Length == 0 || target.Any(char.IsControl))
            throw Refuse(memberName, "is a symlink with an empty or invalid target");
        if (target.StartsWith('/'))
            return;
        var depth = linkComponents.Count - 1;
        foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
                depth--;
            else if (part != ".")
                depth++;
            if (depth < 0)
                throw Refuse(memberName, $"is a symlink to '{Names.Printable(target)}', which leaves the root file system");
        }
    }

    public static BadRequestException Refuse(string memberName, string why) =>
        new($"The archive member '{Names.Printable(memberName)}' {why}; refusing to extract this archive.");
}
