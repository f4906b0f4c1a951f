namespace Carve.Host.Sysfs;

/// <summary>
/// Reads and writes /sys, /proc and /dev under a configurable root, so everything that looks at the hardware can be
/// tested against a fixture tree. Paths are given relative to the root ("sys/bus/pci/devices").
/// </summary>
public sealed class HostFs(string root = "/")
{
    public string Root { get; } = root;

    public string PathOf(string relative) => Path.Combine(Root, relative.TrimStart('/'));

    public bool Exists(string relative) => Path.Exists(PathOf(relative));

    /// <summary>The file's text without the trailing newline, or null when it is missing or unreadable.</summary>
    public string? Read(string relative)
    {
        try
        {
            return File.ReadAllText(PathOf(relative)).TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The entries of a directory by name, sorted; empty when it is missing.</summary>
    public IReadOnlyList<string> List(string relative)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(PathOf(relative)).Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>What a symlink points to, as written (it need not resolve), or null when it is not a link.</summary>
    public string? LinkTarget(string relative)
    {
        try
        {
            return new FileInfo(PathOf(relative)).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The last path segment a symlink points to: the driver of a device, the number of its IOMMU group.</summary>
    public string? LinkName(string relative) => LinkTarget(relative) is { } target ? Path.GetFileName(target.TrimEnd('/')) : null;

    /// <summary>The canonical path with every link resolved (sysfs class links lead into /sys/devices), or null.</summary>
    public string? Resolve(string relative) => Files.RealPath.Resolve(PathOf(relative));

    /// <summary>One write, as `echo -n value > file` does: sysfs takes each write as one command.</summary>
    public void Write(string relative, string value) => File.WriteAllText(PathOf(relative), value);
}
