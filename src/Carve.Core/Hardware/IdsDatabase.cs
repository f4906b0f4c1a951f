namespace Carve.Core.Hardware;

/// <summary>
/// Names from the pci.ids / usb.ids format (Debian's pci.ids and usb.ids packages): vendor lines at column 0,
/// device lines one tab in, subsystem lines two tabs in; "C xx" starts a PCI class with its subclasses below.
/// Unknown ids read as "unknown"; a missing file gives no names, never an error.
/// </summary>
public sealed class IdsDatabase
{
    private readonly Dictionary<string, string> _vendors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _classes = new(StringComparer.Ordinal);

    public static IdsDatabase Empty { get; } = new();

    public int VendorCount => _vendors.Count;

    public static IdsDatabase Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : Empty;

    public static IdsDatabase Parse(IEnumerable<string> lines)
    {
        var db = new IdsDatabase();
        string? vendor = null;
        string? klass = null;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line[0] != '\t')
            {
                vendor = klass = null;
                if (line.StartsWith("C ", StringComparison.Ordinal) && Entry(line[2..], 2) is var (c, cname))
                    db._classes[klass = c] = cname;
                else if (Entry(line, 4) is var (v, vname))
                    db._vendors[vendor = v] = vname;
                continue;
            }
            if (line.Length > 1 && line[1] == '\t')
                continue; // subsystems and prog-ifs: more detail than Carve shows
            if (vendor is not null && Entry(line[1..], 4) is var (d, dname))
                db._devices[$"{vendor}:{d}"] = dname;
            else if (klass is not null && Entry(line[1..], 2) is var (s, sname))
                db._classes[klass + s] = sname;
        }
        return db;
    }

    public string Vendor(string vendorId) => _vendors.GetValueOrDefault(vendorId.ToLowerInvariant(), $"unknown vendor {vendorId}");

    public string Device(string vendorId, string deviceId) =>
        _devices.GetValueOrDefault($"{vendorId}:{deviceId}".ToLowerInvariant(), $"unknown device {deviceId}");

    /// <summary>The subclass name for a six-digit PCI class code, or the class name, e.g. "VGA compatible controller".</summary>
    public string Class(string classCode) =>
        classCode.Length >= 4 && _classes.TryGetValue(classCode[..4], out var sub) ? sub
        : classCode.Length >= 2 && _classes.TryGetValue(classCode[..2], out var main) ? main
        : $"class {classCode}";

    private static (string Id, string Name)? Entry(string text, int idLength)
    {
        if (text.Length < idLength + 2 || !text[..idLength].All(char.IsAsciiHexDigit))
            return null;
        if (text[idLength] != ' ')
            return null;
        return (text[..idLength].ToLowerInvariant(), text[(idLength + 1)..].Trim());
    }
}
