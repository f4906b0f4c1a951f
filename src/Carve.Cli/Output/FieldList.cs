namespace Carve.Cli.Output;

/// <summary>"Label:  value" lines with the values lined up.</summary>
internal sealed class FieldList
{
    private readonly List<(string Label, string Value)> _fields = [];

    public FieldList Add(string label, string? value)
    {
        _fields.Add((label, string.IsNullOrEmpty(value) ? "-" : value));
        return this;
    }

    /// <summary>Adds the field only when there is something to say.</summary>
    public FieldList AddIfSet(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            _fields.Add((label, value));
        return this;
    }

    public void Write(TextWriter output, string indent = "")
    {
        var width = _fields.Count == 0 ? 0 : _fields.Max(f => f.Label.Length) + 1;
        foreach (var (label, value) in _fields)
            output.WriteLine($"{indent}{(label + ":").PadRight(width)}  {value}");
    }
}
