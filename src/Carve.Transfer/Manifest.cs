using System.Text;
using System.Text.RegularExpressions;
using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Transfer;

/// <summary>An OVF manifest (.mf): one "SHA256(file)= hex" line per file; VMware's older packages use SHA1.</summary>
public static partial class Manifest
{
    [GeneratedRegex(@"^(SHA1|SHA256|SHA512)\((.+)\)\s*=\s*([0-9a-fA-F]+)\s*\z")]
    private static partial Regex Line();

    public static IReadOnlyDictionary<string, ManifestEntry> Parse(byte[] bytes)
    {
        if (bytes.Length > ImportLimits.MaxManifestBytes)
            throw new BadRequestException("The package's manifest is larger than 1 MiB.");
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var raw in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            var text = raw.TrimEnd('\r');
            if (text.Trim().Length == 0)
                continue;
            var m = Line().Match(text);
            if (!m.Success)
                throw new BadRequestException($"The package's manifest has a line Carve cannot read: '{Names.Printable(text)}'.");
            var entry = new ManifestEntry(m.Groups[1].Value, PackageNames.Check("manifest entry", m.Groups[2].Value), m.Groups[3].Value.ToLowerInvariant());
            if (entry.Digest.Length != entry.HexLength)
                throw new BadRequestException($"The manifest's {entry.Algorithm} digest of {entry.File} has the wrong length.");
            if (!entries.TryAdd(entry.File, entry))
                throw new BadRequestException($"The manifest lists {entry.File} twice.");
        }
        return entries;
    }

    public static string Format(IEnumerable<(string File, string Sha256)> files) =>
        string.Concat(files.Select(f => $"SHA256({f.File})= {f.Sha256}\n"));
}
