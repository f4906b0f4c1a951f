using System.Text;

namespace Carve.Network.Nft;

/// <summary>
/// The text of one Carve table for `nft -f`: the table is declared, deleted and written again in the same file, so
/// loading it replaces the whole table in one transaction (and works on a first load too).
/// </summary>
internal sealed class NftTableText
{
    private readonly StringBuilder _text = new();

    public NftTableText(string comment, string family, string table)
    {
        Line("# " + comment);
        Line($"table {family} {table}");
        Line($"delete table {family} {table}");
        Line($"table {family} {table} {{");
    }

    /// <summary>A base chain: its hook line, then the rules.</summary>
    public void Chain(string name, string hook, IEnumerable<string> rules)
    {
        Line($"\tchain {name} {{");
        Line($"\t\t{hook}");
        foreach (var rule in rules)
            Line("\t\t" + rule);
        Line("\t}");
    }

    public override string ToString() => _text.ToString() + "}\n";

    private void Line(string line) => _text.Append(line).Append('\n');
}
