using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Transfer;

/// <summary>
/// Opens what the user named (an OVA, an OVF with its files beside it, or one disk image) and checks its
/// structure before anything is written: member names, references, declared sizes against real ones, the
/// manifest's digest of the descriptor, and the formats of the disks. Disk digests are checked while copying.
/// </summary>
public static partial class PackageReader
{
    /// <summary><paramref name="path"/> is already confined to the image directories and resolved.</summary>
    public static ImportPlan Read(string path)
    {
        if (IsTar(path))
            return ReadOva(path);
        if (Path.GetExtension(path).Equals(".ovf", StringComparison.OrdinalIgnoreCase))
            return ReadOvf(path);
        var length = new FileInfo(path).Length;
        var source = ImageSniffer.Sniff(path, 0, length, isRange: false, Path.GetFileName(path));
        // A VHD with only its footer (fixed) is raw data plus 512 bytes; qemu needs to be told it is vpc.
        if (source.Format == "raw" && Path.GetExtension(path).Equals(".vhd", StringComparison.OrdinalIgnoreCase))
            throw new BadRequestException($"{Path.GetFileName(path)} has no VHD footer; it is not a VHD image.");
        // VMware and Hyper-V guests rarely have virtio drivers: their disks go on SATA; qcow2 and raw come from KVM.
        var bus = source.Format is "qcow2" or "raw" ? "virtio" : "sata";
        return new ImportPlan
        {
            Kind = $"{source.Format} image",
            Disks = [new ImportDisk(Path.GetFileName(path), source, null, bus, null)],
        };
    }

    /// <summary>A POSIX or GNU tar has "ustar" at byte 257 of its first header.</summary>
    private static bool IsTar(string path)
    {
        var header = new byte[512];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && System.Text.Encoding.ASCII.GetString(header, 257, 5) == "ustar";
    }

    /// <summary>The disks an OVF attaches, each read from <paramref name="locate"/>(file), its declared size checked.</summary>
    private static List<ImportDisk> Disks(
        OvfEnvelope ovf, Func<OvfFile, (string Path, long Offset, long Length, bool IsRange)> locate,
        IReadOnlyDictionary<string, ManifestEntry>? manifest, string package)
    {
        if (ovf.Disks.Count == 0)
            throw new BadRequestException($"The OVF in {package} attaches no disk; there is nothing to import.");
        var disks = new List<ImportDisk>();
        foreach (var disk in ovf.Disks)
        {
            if (disk.File is not { } file)
            {
                disks.Add(new ImportDisk($"blank disk {disks.Count}", null, disk.CapacityBytes, disk.Bus, null));
                continue;
            }
            var (path, offset, length, isRange) = locate(file);
            if (file.Size is { } declared && declared != length)
                throw new BadRequestException(
                    $"The OVF declares {file.Href} as {declared} bytes, but {package} holds {length} bytes for it: the package is damaged or forged.");
            ManifestEntry? digest = null;
            if (manifest is not null && !manifest.TryGetValue(file.Href, out digest))
                throw new BadRequestException($"The manifest of {package} has no digest for {file.Href}.");
            var label = $"{file.Href} in {package}";
            disks.Add(new ImportDisk(label, ImageSniffer.Sniff(path, offset, length, isRange, label), disk.CapacityBytes, disk.Bus, digest));
        }
        return disks;
    }

    private static byte[] ReadBytes(string path, long offset, long length, int max, string what)
    {
        if (length > max)
            throw new BadRequestException($"The {what} is {length} bytes; more than {max} is refused.");
        var bytes = new byte[length];
        using var file = File.OpenRead(path);
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
