using System.Text.RegularExpressions;
using Carve.Core.Errors;

namespace Carve.Core.Snapshots;

public static partial class SnapshotNames
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\z")]
    private static partial Regex Pattern();

    /// <summary>
    /// Letters, digits, dots, dashes and underscores. Not only digits: qemu-img and QEMU look a snapshot up by
    /// id or name, so a numeric name could pick another snapshot's id.
    /// </summary>
    public static string Validate(string? name)
    {
        if (name is null || !Pattern().IsMatch(name))
            throw new BadRequestException(
                $"Invalid snapshot name '{Validation.Names.Printable(name)}': use 1 to 63 letters, digits, dots, dashes and underscores, starting with a letter or digit.");
        if (name.All(char.IsAsciiDigit))
            throw new BadRequestException($"Invalid snapshot name '{name}': a name cannot be only digits (QEMU would read it as a snapshot id).");
        return name;
    }

    public static string? Description(string? text)
    {
        Validation.Names.RejectControlCharacters("description", text);
        return text is { Length: > 1024 } ? throw new BadRequestException("A snapshot description can be at most 1024 characters.") : text;
    }
}
