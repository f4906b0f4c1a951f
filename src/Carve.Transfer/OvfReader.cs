using System.Globalization;
using System.Xml.Linq;
using Carve.Core.Errors;
using Carve.Core.Validation;
using static Carve.Transfer.OvfXml;

namespace Carve.Transfer;

/// <summary>
/// Reads the OVF descriptor of one VM, as VMware (ovftool, vSphere) and VirtualBox write it. It takes CPUs,
/// memory, firmware, disks (by controller and unit) and NICs; what it cannot use it names in Skipped.
/// </summary>
public static partial class OvfReader
{
    public static OvfEnvelope Read(byte[] descriptor)
    {
        var root = SafeXml.Load(descriptor, "OVF descriptor").Root!;
        if (root.Name.LocalName != "Envelope" || (root.Name.Namespace != OvfNamespaces.Ovf && root.Name.Namespace != OvfNamespaces.Ovf2))
            throw new BadRequestException("The descriptor is not an OVF envelope (OVF 1.x or 2.x).");
        var files = ReadFiles(root);
        var declared = ReadDiskSection(root, files);
        if (Child(root, "VirtualSystemCollection") is not null)
            throw new BadRequestException("The OVF holds several VMs (a VirtualSystemCollection); import one VM at a time.");
        var system = Child(root, "VirtualSystem") ?? throw new BadRequestException("The OVF describes no VirtualSystem.");
        var hardware = Child(system, "VirtualHardwareSection") ?? throw new BadRequestException("The OVF has no VirtualHardwareSection.");
        var items = OvfItem.ReadAll(hardware, DefaultConfiguration(root));
        var (disks, unattached) = Disks(items, declared, files);
        var annotation = Child(system, "AnnotationSection") is { } section ? Child(section, "Annotation")?.Value.Trim() : null;

        return new OvfEnvelope
        {
            Name = Child(system, "Name")?.Value.Trim() is { Length: > 0 } name ? name : Attr(system, "id") ?? "vm",
            Cpus = Cpus(items),
            MemoryMiB = MemoryMiB(items),
            Firmware = Firmware(system, hardware),
            Description = string.IsNullOrEmpty(annotation) ? null : annotation[..Math.Min(annotation.Length, ImportLimits.MaxDescriptionChars)],
            Files = files.Values.ToList(),
            Disks = disks,
            Nics = Nics(items),
            Skipped = [.. Skipped(items), .. unattached],
        };
    }

    private static Dictionary<string, OvfFile> ReadFiles(XElement root)
    {
        var files = new Dictionary<string, OvfFile>(StringComparer.Ordinal);
        foreach (var file in Child(root, "References") is { } refs ? Children(refs, "File") : [])
        {
            var id = Attr(file, "id") ?? throw new BadRequestException("A File in the OVF's References has no id.");
            var href = PackageNames.Check("file reference", Attr(file, "href"));
            if (Attr(file, "compression") is { } compression && compression != "identity")
                throw new BadRequestException($"The OVF file {href} is {compression}-compressed; export the package without file compression.");
            if (Attr(file, "chunkSize") is not null)
                throw new BadRequestException($"The OVF file {href} is split into chunks; export the package without chunking.");
            long? size = Attr(file, "size") is { } text ? OvfUnits.Bytes($"size of {href}", text, null, 1) : null;
            if (!files.TryAdd(id, new OvfFile(id, href, size)))
                throw new BadRequestException($"The OVF declares the file id '{Names.Printable(id)}' twice.");
        }
        return files;
    }

    /// <summary>diskId → (file or none for a blank disk, capacity, format).</summary>
    private static Dictionary<string, (OvfFile? File, long Capacity, string? Format)> ReadDiskSection(XElement root, Dictionary<string, OvfFile> files)
    {
        var disks = new Dictionary<string, (OvfFile?, long, string?)>(StringComparer.Ordinal);
        foreach (var disk in Child(root, "DiskSection") is { } section ? Children(section, "Disk") : [])
        {
            var id = Attr(disk, "diskId") ?? throw new BadRequestException("A Disk in the OVF's DiskSection has no diskId.");
            OvfFile? file = null;
            if (Attr(disk, "fileRef") is { } fileRef && !files.TryGetValue(fileRef, out file))
                throw new BadRequestException($"The OVF disk '{Names.Printable(id)}' refers to file '{Names.Printable(fileRef)}', which References does not list.");
            var capacity = OvfUnits.Bytes($"capacity of disk {id}", Attr(disk, "capacity"), Attr(disk, "capacityAllocationUnits"), 1);
            if (capacity > Sizes.MaxDiskBytes)
                throw new BadRequestException($"The OVF declares disk '{Names.Printable(id)}' as {Sizes.Format(capacity)}, more than the 64 TiB a disk may have.");
            if (capacity <= 0)
                throw new BadRequestException($"The OVF declares disk '{Names.Printable(id)}' with no capacity.");
            if (!disks.TryAdd(id, (file, capacity, Attr(disk, "format"))))
                throw new BadRequestException($"The OVF declares the disk id '{Names.Printable(id)}' twice.");
        }
        return disks;
    }

    private static string? DefaultConfiguration(XElement root)
    {
        if (Child(root, "DeploymentOptionSection") is not { } options)
            return null;
        var configurations = Children(options, "Configuration").ToList();
        var chosen = configurations.FirstOrDefault(c => Attr(c, "default") is "true" or "1") ?? configurations.FirstOrDefault();
        return chosen is null ? null : Attr(chosen, "id");
    }

    private static int? Cpus(IReadOnlyList<OvfItem> items)
    {
        if (items.FirstOrDefault(i => i.ResourceType == ResourceTypes.Processor) is not { } cpu)
            return null;
        return int.TryParse(cpu.VirtualQuantity, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BadRequestException($"The OVF gives the CPU count as '{Names.Printable(cpu.VirtualQuantity)}'.");
    }

    private static int? MemoryMiB(IReadOnlyList<OvfItem> items)
    {
        if (items.FirstOrDefault(i => i.ResourceType == ResourceTypes.Memory) is not { } memory)
            return null;
        // VMware and VirtualBox always name the unit; a bare number is read as MiB, the only sensible unit.
        var bytes = OvfUnits.Bytes("memory size", memory.VirtualQuantity, memory.AllocationUnits, 1L << 20);
        var mib = (bytes + (1L << 20) - 1) >> 20;
        return mib <= int.MaxValue ? (int)mib : throw new BadRequestException($"The OVF declares {Sizes.Format(bytes)} of memory.");
    }

    private static string? Firmware(XElement system, XElement hardware)
    {
        // VMware: <vmw:Config vmw:key="firmware" vmw:value="efi"/>; VirtualBox: <vbox:Machine>...<Hardware><Firmware type="EFI"/>.
        var value = Children(hardware, "Config").Where(c => Attr(c, "key") == "firmware").Select(c => Attr(c, "value")).FirstOrDefault()
            ?? system.Descendants().Where(e => e.Name.LocalName == "Firmware" && e.Parent?.Name.LocalName == "Hardware")
                .Select(e => Attr(e, "type")).FirstOrDefault();
        return value?.ToLowerInvariant() switch
        {
            null => null,
            "bios" => "bios",
            var v when v.StartsWith("efi", StringComparison.Ordinal) => "uefi",
            _ => throw new BadRequestException($"The OVF asks for firmware '{Names.Printable(value)}'; Carve knows bios and efi."),
        };
    }
}
