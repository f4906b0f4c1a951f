using System.Globalization;
using System.Text.RegularExpressions;
using Carve.Core.Errors;

namespace Carve.Core.Validation;

public static partial class Sizes
{
    public const long MaxDiskBytes = 64L << 40;

    [GeneratedRegex(@"^(\d{1,15})([KMGT]?)(i?B)?\z", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    /// <summary>"8G", "512M", "1T", "1048576": binary units, as qemu-img and Proxmox read them.</summary>
    public static long Parse(string field, string? text)
    {
        var m = text is null ? null : SizePattern().Match(text.Trim());
        if (m is null || !m.Success)
            throw new BadRequestException($"Invalid {field} '{Names.Printable(text)}': give a size like 8G, 512M or 1T.");
        var number = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var shift = m.Groups[2].Value.ToUpperInvariant() switch { "K" => 10, "M" => 20, "G" => 30, "T" => 40, _ => 0 };
        if (number > (long.MaxValue >> shift))
            throw new BadRequestException($"The {field} '{Names.Printable(text)}' is too large.");
        return number << shift;
    }

    public static long ParseDiskSize(string field, string? text)
    {
        var bytes = Parse(field, text);
        if (bytes < 1 << 20)
            throw new BadRequestException($"The {field} must be at least 1M.");
        if (bytes > MaxDiskBytes)
            throw new BadRequestException($"The {field} must be at most 64T.");
        return bytes;
    }

    public static string Format(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
