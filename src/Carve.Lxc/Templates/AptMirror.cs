namespace Carve.Lxc.Templates;

/// <summary>The Debian mirror the host's apt uses, from sources.list (one-line) or *.sources (deb822) files.</summary>
public static class AptMirror
{
    public const string Fallback = "http://deb.debian.org/debian";

    public static string Find(string suite, string aptDir = "/etc/apt")
    {
        var entries = new List<AptSource>();
        var list = Path.Combine(aptDir, "sources.list");
        if (File.Exists(list))
            entries.AddRange(ParseOneLine(File.ReadAllText(list)));
        var parts = Path.Combine(aptDir, "sources.list.d");
        if (Directory.Exists(parts))
            foreach (var file in Directory.EnumerateFiles(parts).Order(StringComparer.Ordinal))
                if (file.EndsWith(".list", StringComparison.Ordinal))
                    entries.AddRange(ParseOneLine(File.ReadAllText(file)));
                else if (file.EndsWith(".sources", StringComparison.Ordinal))
                    entries.AddRange(ParseDeb822(File.ReadAllText(file)));
        return Choose(entries, suite) ?? Fallback;
    }

    /// <summary>An entry for the suite itself first; else any Debian archive (a URI ending in /debian), never the security archive.</summary>
    public static string? Choose(IReadOnlyList<AptSource> entries, string suite)
    {
        var debian = entries.Where(e => !e.Uri.Contains("security", StringComparison.OrdinalIgnoreCase)).ToList();
        return (debian.FirstOrDefault(e => e.Suites.Contains(suite))
            ?? debian.FirstOrDefault(e => e.Uri.TrimEnd('/').EndsWith("/debian", StringComparison.Ordinal)))?.Uri.TrimEnd('/');
    }

    public static IEnumerable<AptSource> ParseOneLine(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (!line.StartsWith("deb ", StringComparison.Ordinal))
                continue;
            var rest = line[4..].Trim();
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                    continue;
                rest = rest[(close + 1)..].Trim();
            }
            var fields = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2)
                yield return new AptSource(fields[0], [fields[1]]);
        }
    }

    public static IEnumerable<AptSource> ParseDeb822(string text)
    {
        var stanza = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split('\n').Append(""))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('#'))
                continue;
            if (line.Length == 0)
            {
                foreach (var source in FromStanza(stanza))
                    yield return source;
                stanza.Clear();
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsWhiteSpace(line[0]))
                stanza[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
    }

    private static IEnumerable<AptSource> FromStanza(Dictionary<string, string> stanza)
    {
        if (!stanza.TryGetValue("Types", out var types) || !types.Split(' ').Contains("deb"))
            return [];
        if (stanza.TryGetValue("Enabled", out var enabled) && enabled.Equals("no", StringComparison.OrdinalIgnoreCase))
            return [];
        var suites = stanza.GetValueOrDefault("Suites", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return stanza.GetValueOrDefault("URIs", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(uri => new AptSource(uri, suites));
    }
}
