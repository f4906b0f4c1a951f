using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Lxc.Config;

/// <summary>Where a bind mount appears inside the container: absolute, without '..', never the root itself.</summary>
public static class GuestMountPath
{
    /// <summary>The path relative to the rootfs, as lxc.mount.entry wants it ("/srv/media" becomes "srv/media").</summary>
    public static string Relative(string guestPath)
    {
        Names.RejectControlCharacters("mount target", guestPath);
        if (!guestPath.StartsWith('/'))
            throw new BadRequestException($"The mount target '{Names.Printable(guestPath)}' must be an absolute path inside the container.");
        var parts = guestPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (parts.Contains(".."))
            throw new BadRequestException($"The mount target '{Names.Printable(guestPath)}' must not contain '..'.");
        if (parts.Count == 0)
            throw new BadRequestException("A mount cannot cover the container's root directory.");
        return string.Join('/', parts);
    }
}
