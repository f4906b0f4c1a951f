using Carve.Lxc.Guests;
using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Lxc.Config;

namespace Carve.Lxc.Driver;

/// <summary>Checks a container's bind mounts before they reach LXC, so a mistake is a clear 400 rather than a failed start.</summary>
public static class CtMountValidator
{
    public static void Validate(CtMount mount)
    {
        Names.RejectControlCharacters("mount source", mount.HostPath);
        if (!Path.IsPathFullyQualified(mount.HostPath))
            throw new BadRequestException($"The mount source '{Names.Printable(mount.HostPath)}' must be an absolute path on the host.");
        if (!Directory.Exists(mount.HostPath) && !File.Exists(mount.HostPath))
            throw new BadRequestException($"The mount source {Names.Printable(mount.HostPath)} does not exist.");
        GuestMountPath.Relative(mount.GuestPath);
    }

    public static void ValidateAll(IReadOnlyList<CtMount> mounts)
    {
        foreach (var mount in mounts)
            Validate(mount);
        var duplicate = mounts.GroupBy(m => GuestMountPath.Relative(m.GuestPath), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new BadRequestException($"Two mounts share the target /{duplicate.Key}.");
    }
}
