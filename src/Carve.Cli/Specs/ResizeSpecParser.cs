using Carve.Cli.Infrastructure;
using Carve.Contracts.Vms;

namespace Carve.Cli.Specs;

/// <summary>--resize DISK=SIZE, where SIZE is a new size (10G) or growth (+2G).</summary>
internal static class ResizeSpecParser
{
    public static DiskResize Parse(string spec)
    {
        var parts = spec.Split('=');
        if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Length == 0)
            throw new UsageException($"Invalid --resize '{spec}': use DISK=SIZE, e.g. disk0=10G or disk0=+2G.");
        var disk = parts[0].Trim();
        if (disk.Any(c => char.IsWhiteSpace(c) || c == ','))
            throw new UsageException($"Invalid --resize '{spec}': '{disk}' is not a disk name like disk0.");
        if (!SizeSyntax.IsSizeOrGrowth(parts[1]))
            throw new UsageException($"Invalid --resize '{spec}': '{parts[1]}' is not a size like 10G or +2G.");
        return new DiskResize { Disk = disk, Size = parts[1] };
    }

    public static IReadOnlyList<DiskResize>? ParseAll(IReadOnlyList<string>? specs)
    {
        if (specs is null || specs.Count == 0)
            return null;
        var resizes = specs.Select(Parse).ToList();
        var twice = resizes.GroupBy(r => r.Disk).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? resizes : throw new UsageException($"--resize names disk {twice.Key} twice.");
    }
}
