namespace Carve.Host.Hardware;

/// <summary>One step of a binding plan: write <paramref name="Value"/> to the sysfs file <paramref name="Path"/> (relative to the host root).</summary>
public sealed record SysfsWrite(string Path, string Value)
{
    public override string ToString() => $"echo '{Value.Replace("\n", "\\n", StringComparison.Ordinal)}' > /{Path}";
}
