using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Lxc.Config;

/// <summary>Values as LXC's line-based config parser reads them.</summary>
public static class LxcConfigText
{
    /// <summary>
    /// A path for an lxc.mount.entry field, which LXC splits on blanks like fstab: a space becomes \040 and a
    /// backslash \134. Control characters (newlines above all, which would start a new config line) are refused.
    /// </summary>
    public static string EscapeMountField(string what, string path)
    {
        RejectUnsafe(what, path);
        return path.Replace("\\", "\\134", StringComparison.Ordinal).Replace(" ", "\\040", StringComparison.Ordinal);
    }

    /// <summary>A plain value (a path carved chose itself): one line, no surrounding blanks LXC would trim.</summary>
    public static string Value(string what, string value)
    {
        RejectUnsafe(what, value);
        if (value.Trim() != value)
            throw new BadRequestException($"The {what} '{value}' starts or ends with a blank.");
        return value;
    }

    private static void RejectUnsafe(string what, string value)
    {
        if (value.Length == 0)
            throw new BadRequestException($"The {what} is empty.");
        if (value.Any(char.IsControl))
            throw new BadRequestException($"The {what} '{Names.Printable(value)}' contains a control character.");
    }
}
