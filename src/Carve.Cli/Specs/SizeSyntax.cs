using System.Text.RegularExpressions;

namespace Carve.Cli.Specs;

/// <summary>Sizes as carved reads them: "8G", "512M", "1T", "8GiB" or plain bytes; binary units.</summary>
internal static partial class SizeSyntax
{
    [GeneratedRegex(@"^\d{1,15}[KMGT]?(i?B)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Absolute();

    [GeneratedRegex(@"^\+?\d{1,15}[KMGT]?(i?B)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteOrGrowth();

    public static bool IsSize(string text) => Absolute().IsMatch(text);

    /// <summary>A size, or "+SIZE" meaning grow by that much.</summary>
    public static bool IsSizeOrGrowth(string text) => AbsoluteOrGrowth().IsMatch(text);
}
