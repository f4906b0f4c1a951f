namespace Carve.Cli.Output;

/// <summary>Columns padded with two spaces, as `docker ps` does: plain text that greps and diffs well.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c)]);

    /// <summary>Writes the table; with <paramref name="whenEmpty"/> set, an empty table is that text instead of a bare header.</summary>
    public void Write(TextWriter output, string indent = "", string? whenEmpty = null)
    {
        if (_rows.Count == 0 && whenEmpty is not null)
        {
            output.WriteLine(indent + whenEmpty);
            return;
        }
        var widths = headers.Select((h, i) => _rows.Select(r => i < r.Length ? r[i].Length : 0).Prepend(h.Length).Max()).ToArray();
        WriteRow(output, indent, headers, widths);
        foreach (var row in _rows)
            WriteRow(output, indent, row, widths);
    }

    private static void WriteRow(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var padded = cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]));
        output.WriteLine(indent + string.Join("  ", padded).TrimEnd());
    }
}
