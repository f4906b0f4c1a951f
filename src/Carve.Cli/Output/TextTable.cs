namespace Carve.Cli.Output;

/// <summary>Columns padded with two spaces, as `docker ps` does: plain text that greps and diffs well.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add(Array.ConvertAll(cells, c => string.IsNullOrEmpty(c) ? "-" : c));

    /// <summary>Writes the table; with <paramref name="whenEmpty"/> set, an empty table is that text instead of a bare header.</summary>
    public void Write(TextWriter output, string indent = "", string? whenEmpty = null)
    {
        if (_rows.Count == 0 && whenEmpty is not null)
        {
            output.WriteLine(indent + whenEmpty);
            return;
        }
        // Plain loops rather than LINQ over ints: each generic instantiation costs a `carve list` JIT time at start-up.
        var widths = new int[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            widths[i] = headers[i].Length;
            foreach (var row in _rows)
            {
                if (i < row.Length)
                    widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        WriteRow(output, indent, headers, widths);
        foreach (var row in _rows)
            WriteRow(output, indent, row, widths);
    }

    private static void WriteRow(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var line = new System.Text.StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                line.Append("  ");
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }
        output.WriteLine(line.ToString().TrimEnd());
    }
}
