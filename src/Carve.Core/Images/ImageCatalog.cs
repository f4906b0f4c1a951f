using Carve.Contracts.Images;
using Carve.Core.Validation;

namespace Carve.Core.Images;

/// <summary>
/// The files a new VM can use, as listed from the allowed image directories (not their subdirectories), so that the
/// web UI's wizard can offer them. Reading only; every path is still confined again when a VM is created.
/// </summary>
public sealed class ImageCatalog(PathGuard guard)
{
    private static readonly string[] DiskExtensions = [".qcow2", ".raw", ".img", ".vmdk", ".vhdx", ".vhd", ".ova", ".ovf"];

    public IReadOnlyList<ImageView> List() =>
        guard.Roots
            .Where(Directory.Exists)
            .SelectMany(root => new DirectoryInfo(root).EnumerateFiles())
            .Select(file => (file, kind: KindOf(file.Name)))
            .Where(f => f.kind is not null && (f.file.Attributes & FileAttributes.ReparsePoint) == 0)
            .Select(f => new ImageView { Name = f.file.Name, Path = f.file.FullName, Kind = f.kind!, SizeBytes = f.file.Length })
            .DistinctBy(i => i.Path)
            .OrderBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>iso, kernel, initrd or disk, judged by the name as distributions name these files; null for others.</summary>
    public static string? KindOf(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".iso", StringComparison.Ordinal))
            return "iso";
        if (lower.StartsWith("vmlinuz", StringComparison.Ordinal) || lower.StartsWith("bzimage", StringComparison.Ordinal))
            return "kernel";
        if (lower.StartsWith("initrd", StringComparison.Ordinal) || lower.StartsWith("initramfs", StringComparison.Ordinal))
            return "initrd";
        return DiskExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) ? "disk" : null;
    }
}
