using System.Globalization;
using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Transfer;

public static partial class OvfReader
{
    /// <summary>q35 has six AHCI ports; disks beyond them go on virtio.</summary>
    private const int AhciPorts = 6;

    /// <summary>
    /// The attached disks in boot order: by controller (in document order), then by unit on it. SCSI, SATA and
    /// NVMe disks go on SATA (AHCI), which every guest OS can boot from; IDE stays IDE; virtio stays virtio.
    /// </summary>
    private static (List<OvfDisk> Disks, List<string> Unattached) Disks(
        IReadOnlyList<OvfItem> items, Dictionary<string, (OvfFile? File, long Capacity, string? Format)> declared, Dictionary<string, OvfFile> files)
    {
        var controllers = items.Where(i => ResourceTypes.IsController(i.ResourceType) && i.InstanceId is not null)
            .GroupBy(i => i.InstanceId!).ToDictionary(g => g.Key, g => g.First());
        var used = new HashSet<string>(StringComparer.Ordinal);
        var attached = new List<(OvfItem Item, OvfDisk Disk)>();
        foreach (var item in items.Where(i => i.ResourceType == ResourceTypes.Disk && !string.IsNullOrEmpty(i.HostResource)))
        {
            var resource = item.HostResource!.StartsWith("ovf:", StringComparison.Ordinal) ? item.HostResource[4..] : item.HostResource;
            OvfDisk disk;
            if (resource.StartsWith("/disk/", StringComparison.Ordinal) && declared.TryGetValue(resource[6..], out var d))
                disk = new OvfDisk(d.File, d.Capacity, "", d.Format);
            else if (resource.StartsWith("/file/", StringComparison.Ordinal) && files.TryGetValue(resource[6..], out var f))
                disk = new OvfDisk(f, null, "", null);
            else
                throw new BadRequestException($"An OVF disk drive refers to '{Names.Printable(item.HostResource)}', which the DiskSection does not declare.");
            if (!used.Add(resource))
                throw new BadRequestException($"The OVF attaches '{Names.Printable(item.HostResource)}' twice.");
            controllers.TryGetValue(item.Parent ?? "", out var controller);
            attached.Add((item, disk with { Bus = Bus(controller) }));
        }
        if (attached.Count > ImportLimits.MaxDisks)
            throw new BadRequestException($"The OVF attaches {attached.Count} disks; a VM can have at most {ImportLimits.MaxDisks}.");

        var ordered = attached
            .OrderBy(a => controllers.TryGetValue(a.Item.Parent ?? "", out var c) ? c.Index : int.MaxValue)
            .ThenBy(a => int.TryParse(a.Item.AddressOnParent, NumberStyles.None, CultureInfo.InvariantCulture, out var unit) ? unit : int.MaxValue)
            .ThenBy(a => a.Item.Index)
            .Select(a => a.Disk)
            .ToList();
        var ports = 0;
        for (var i = 0; i < ordered.Count; i++)
            if (ordered[i].Bus != "virtio" && ++ports > AhciPorts)
                ordered[i] = ordered[i] with { Bus = "virtio" };
        var unattached = declared.Where(d => !used.Contains("/disk/" + d.Key))
            .Select(d => $"disk '{d.Key}' (declared but attached to no controller)").ToList();
        return (ordered, unattached);
    }

    private static string Bus(OvfItem? controller) => controller switch
    {
        null => "sata",
        { SubType: { } sub } when sub.Contains("virtio", StringComparison.OrdinalIgnoreCase) => "virtio",
        { ResourceType: ResourceTypes.IdeController } => "ide",
        _ => "sata",
    };

    /// <summary>Paravirtual NICs (VMware's VmxNet, virtio) become virtio; everything else e1000, which every OS drives.</summary>
    private static List<OvfNic> Nics(IReadOnlyList<OvfItem> items)
    {
        var nics = items.Where(i => i.ResourceType == ResourceTypes.Ethernet).Select(i => new OvfNic(
            i.SubType is { } sub && (sub.Contains("vmxnet", StringComparison.OrdinalIgnoreCase) || sub.Contains("virtio", StringComparison.OrdinalIgnoreCase))
                ? "virtio" : "e1000",
            Mac(i.Address))).ToList();
        return nics.Count <= ImportLimits.MaxNics
            ? nics
            : throw new BadRequestException($"The OVF has {nics.Count} NICs; Carve takes at most {ImportLimits.MaxNics}.");
    }

    private static string? Mac(string? address)
    {
        var mac = address?.Trim().Replace('-', ':').ToLowerInvariant();
        return mac is { Length: 17 } && mac.Split(':').All(p => p.Length == 2 && p.All(char.IsAsciiHexDigit)) ? mac : null;
    }

    private static IEnumerable<string> Skipped(IReadOnlyList<OvfItem> items) =>
        items.Select(i => i.ResourceType switch
        {
            ResourceTypes.CdDrive or ResourceTypes.DvdDrive => "a CD/DVD drive",
            ResourceTypes.Floppy => "a floppy drive",
            _ => null,
        }).OfType<string>();
}
