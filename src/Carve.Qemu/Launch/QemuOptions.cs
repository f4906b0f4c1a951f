using System.Text.RegularExpressions;

namespace Carve.Qemu.Launch;

/// <summary>
/// The one place where values enter QEMU's command line. QEMU splits option strings
/// (<c>-drive a=1,b=2</c>) on commas, so a value with a comma could add options of its own
/// unless escaped; a control character could smuggle a line into logs and golden files, so
/// those are refused outright.
/// </summary>
public static partial class QemuOptions
{
    /// <summary>Escapes a value for use inside a QEMU option string: commas are doubled.</summary>
    /// <exception cref="ArgumentException">The value contains a control character.</exception>
    public static string Escape(string value) => Escape(value, "value");

    internal static string Escape(string value, string what) => Checked(value, what).Replace(",", ",,");

    /// <summary>A value QEMU takes as a whole argv element (-pidfile, -kernel, -append): checked, never escaped.</summary>
    internal static string Checked(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        foreach (var c in value)
            if (char.IsControl(c))
                throw new ArgumentException($"The {what} contains a control character (U+{(int)c:X4}), which QEMU options cannot carry.", what);
        return value;
    }

    /// <summary>
    /// Paths must be absolute: QEMU reads "name:..." (nbd:, json:, ...) as a protocol, not a file,
    /// and a leading '/' rules that out.
    /// </summary>
    internal static string AbsolutePath(string path, string what)
    {
        Checked(path, what);
        if (!path.StartsWith('/'))
            throw new ArgumentException($"The {what} must be an absolute path, not '{path}'.", what);
        return path;
    }

    /// <summary>QEMU ids: a letter, then letters, digits, '-', '.', '_'.</summary>
    internal static string Id(string id, string what)
    {
        if (id is null || !IdPattern().IsMatch(id))
            throw new ArgumentException($"The {what} '{id}' is not a valid QEMU id (a letter, then letters, digits, '-', '.' or '_').", what);
        return id;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,62}$")]
    private static partial Regex IdPattern();
}
