using System.Globalization;
using System.Text.RegularExpressions;
using Carve.Core.Errors;

namespace Carve.Transfer;

/// <summary>OVF allocation units: DMTF programmatic units ("byte * 2^20") and the names VirtualBox writes ("MegaBytes").</summary>
internal static partial class OvfUnits
{
    [GeneratedRegex(@"^byte\s*(?:\*\s*(2|10)\s*\^\s*(\d{1,2}))?\z", RegexOptions.IgnoreCase)]
    private static partial Regex Programmatic();

    /// <summary>Bytes in one unit; <paramref name="fallback"/> when the OVF names no unit.</summary>
    public static long Multiplier(string? units, long fallback)
    {
        if (string.IsNullOrWhiteSpace(units))
            return fallback;
        var text = units.Trim();
        var m = Programmatic().Match(text);
        if (m.Success)
        {
            if (!m.Groups[1].Success)
                return 1;
            var power = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var value = m.Groups[1].Value == "2" ? Math.Pow(2, power) : Math.Pow(10, power);
            return value <= 1L << 62 ? (long)value : throw new BadRequestException($"The OVF uses an unreasonable unit '{Carve.Core.Validation.Names.Printable(units)}'.");
        }
        return text.ToLowerInvariant() switch
        {
            "kilobytes" or "kb" => 1L << 10,
            "megabytes" or "mb" => 1L << 20,
            "gigabytes" or "gb" => 1L << 30,
            "terabytes" or "tb" => 1L << 40,
            _ => throw new BadRequestException($"The OVF uses an unknown allocation unit '{Carve.Core.Validation.Names.Printable(units)}'."),
        };
    }

    /// <summary>quantity × unit in bytes, refusing what does not fit in 64 bits.</summary>
    public static long Bytes(string field, string? quantity, string? units, long fallbackUnit)
    {
        if (!long.TryParse(quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new BadRequestException($"The OVF gives {field} as '{Carve.Core.Validation.Names.Printable(quantity)}', not a whole number.");
        try
        {
            return checked(count * Multiplier(units, fallbackUnit));
        }
        catch (OverflowException)
        {
            throw new BadRequestException($"The OVF declares an impossible {field} ({Carve.Core.Validation.Names.Printable(quantity)} × {Carve.Core.Validation.Names.Printable(units)}).");
        }
    }
}
