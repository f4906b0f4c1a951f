using System.Text.RegularExpressions;
using Carve.Core.Errors;

namespace Carve.Core.Validation;

public static partial class Names
{
    // \z, not $: in .NET, $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex GuestName();

    /// <summary>Guest names: lowercase letters, digits and dashes, as DESIGN.md fixes them. A pure number would clash with ids.</summary>
    public static string Guest(string? name)
    {
        if (name is null || !GuestName().IsMatch(name))
            throw new BadRequestException(
                $"Invalid guest name '{Printable(name)}': use 1 to 63 lowercase letters, digits and dashes, starting with a letter or digit.");
        if (name.All(char.IsAsciiDigit))
            throw new BadRequestException($"Invalid guest name '{name}': a name cannot be only digits, since numbers name guests by id.");
        return name;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex TokenName();

    public static string Token(string? name) =>
        name is not null && TokenName().IsMatch(name)
            ? name
            : throw new BadRequestException($"Invalid token name '{Printable(name)}': use 1 to 64 letters, digits, dots, dashes and underscores.");

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}\z")]
    private static partial Regex UserName();

    /// <summary>
    /// User names: stricter than guest names (a letter first, at most 32), so that no user can be mistaken for an API
    /// token's caller ("token:NAME") or local root ("root@local") in sessions, tasks and the audit log.
    /// </summary>
    public static string User(string? name) =>
        name is not null && UserName().IsMatch(name)
            ? name
            : throw new BadRequestException($"Invalid user name '{Printable(name)}': use 1 to 32 lowercase letters, digits and dashes, starting with a letter.");

    /// <summary>Text shown back in an error or kept in a log: control characters made visible, and cut short.</summary>
    public static string Printable(string? text, int maxLength = 80)
    {
        if (text is null)
            return "";
        var shown = new string(text.Take(maxLength).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > maxLength ? shown + "..." : shown;
    }

    public static void RejectControlCharacters(string field, string? value)
    {
        if (value is not null && value.Any(char.IsControl))
            throw new BadRequestException($"The {field} must not contain control characters such as newlines.");
    }
}
