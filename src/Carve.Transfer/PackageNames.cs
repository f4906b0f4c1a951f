using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Host.Files;

namespace Carve.Transfer;

/// <summary>File names inside a package (OVF hrefs, OVA members, VMDK extents) are confined to the package.</summary>
internal static class PackageNames
{
    /// <summary>
    /// A relative '/'-separated path with no '.' or '..' segment, no ':' (no URLs, nothing qemu would read as a
    /// protocol prefix such as json:), no backslash and no control character. A leading "./" is dropped.
    /// </summary>
    public static string Check(string what, string? name)
    {
        var n = name is not null && name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
        if (string.IsNullOrEmpty(n) || n.Length > 255 || n.Any(char.IsControl) || n.Contains('\\') || n.Contains(':')
            || n.StartsWith('/') || n.Split('/').Any(s => s is "" or "." or ".."))
            throw new BadRequestException(
                $"The {what} '{Names.Printable(name)}' is not a plain relative path inside the package (no '..', no absolute paths, no URLs).");
        return n;
    }

    /// <summary>The real path of <paramref name="relative"/> below <paramref name="directory"/>, after symlinks; it must stay inside.</summary>
    public static string ResolveInside(string directory, string relative, string what)
    {
        var root = RealPath.Resolve(directory) ?? throw new BadRequestException($"The directory {directory} does not exist.");
        var real = RealPath.Resolve(Path.Combine(root, Check(what, relative)))
            ?? throw new BadRequestException($"The {what} '{Names.Printable(relative)}' is missing: it should be in {root}.");
        if (!real.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new BadRequestException($"The {what} '{Names.Printable(relative)}' leads outside {root} (through a symlink).");
        if (!File.Exists(real))
            throw new BadRequestException($"The {what} '{Names.Printable(relative)}' is not a regular file.");
        return real;
    }
}
