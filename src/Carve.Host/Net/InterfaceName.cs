using System.Text.RegularExpressions;

namespace Carve.Host.Net;

/// <summary>Linux interface names as Carve allows them: 1 to 15 bytes of a safe subset (no '/', no spaces, no ':').</summary>
public static partial class InterfaceName
{
    public const int MaxLength = 15;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && name != "." && name != "..";

    public static string Check(string name) =>
        IsValid(name) ? name : throw new ArgumentException($"'{name}' is not a valid interface name.", nameof(name));
}
