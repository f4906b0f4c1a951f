namespace Carve.Lxc.Templates;

/// <summary>
/// Turns debootstrap's "I:" lines into a percentage. Retrieval counts towards a typical minbase (about 100
/// packages); after it the real count is known and extracting, unpacking and configuring are measured against it.
/// </summary>
public sealed class DebootstrapProgress
{
    private const int ExpectedPackages = 100;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private string _phase = "";
    private int _percent;

    public int Percent => _percent;

    /// <summary>Returns a line worth a task log entry (a new phase, a warning or an error), or null.</summary>
    public string? Observe(string line)
    {
        if (line.StartsWith("W: ", StringComparison.Ordinal) || line.StartsWith("E: ", StringComparison.Ordinal))
            return line;
        if (!line.StartsWith("I: ", StringComparison.Ordinal))
            return null;
        var words = line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        if (line.StartsWith("I: Base system installed successfully", StringComparison.Ordinal))
        {
            Advance(99);
            return line[3..];
        }
        var phase = words[0];
        var (from, to) = phase switch
        {
            "Retrieving" or "Validating" => (2, 40),
            "Extracting" => (40, 55),
            "Unpacking" => (55, 75),
            "Configuring" => (75, 98),
            _ => (-1, -1),
        };
        // Index downloads and the summary lines ("Unpacking the base system...") are not packages.
        if (from < 0 || phase == "Validating" || words.Length < 2 || words[1] is "InRelease" or "Release" or "Packages" or "required" or "the")
            return null;
        _counts[phase] = _counts.GetValueOrDefault(phase) + 1;
        var total = Math.Max(_counts.GetValueOrDefault("Retrieving"), 1);
        var done = phase == "Retrieving" ? Math.Min(_counts[phase], ExpectedPackages) / (double)ExpectedPackages : Math.Min(1.0, _counts[phase] / (double)total);
        Advance(from + (int)((to - from) * done));
        if (phase == _phase)
            return null;
        _phase = phase;
        return phase switch
        {
            "Retrieving" => "Downloading packages",
            "Extracting" => "Extracting the essential packages",
            "Unpacking" => "Unpacking the base system",
            _ => "Configuring packages",
        };
    }

    private void Advance(int percent) => _percent = Math.Max(_percent, Math.Min(percent, 99));
}
