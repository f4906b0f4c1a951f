using System.Xml.Linq;

namespace Carve.Transfer;

/// <summary>
/// Disk controllers and drives as VMware lays them out: virtio disks on LSI Logic SCSI controllers (units 0-15
/// without 7, the controller's own: 15 disks each), SATA disks on AHCI, IDE disks two to a channel on two channels.
/// </summary>
internal static class OvfControllers
{
    public static IEnumerable<XElement> Items(IReadOnlyList<OvfExportDisk> disks, OvfWriter.InstanceIds ids)
    {
        var items = new List<XElement>();
        var units = new Dictionary<string, (string Id, int Next)>();
        var ide = 0;
        var scsi = 0;
        for (var i = 0; i < disks.Count; i++)
        {
            var kind = disks[i].Bus switch
            {
                "sata" => "sata",
                "ide" when ide < 4 => $"ide{ide++ / 2}",
                "ide" => "sata",
                _ => $"scsi{scsi++ / 15}",
            };
            if (!units.TryGetValue(kind, out var controller))
            {
                controller = (ids.Next(), 0);
                items.Add(Controller(kind, controller.Id));
            }
            var unit = controller.Next;
            controller.Next = kind.StartsWith("scsi", StringComparison.Ordinal) && unit + 1 == 7 ? 8 : unit + 1;
            units[kind] = controller;
            items.Add(OvfWriter.Item(("AddressOnParent", OvfWriter.Num(unit)), ("ElementName", $"Hard disk {i + 1}"),
                ("HostResource", $"ovf:/disk/vmdisk{i + 1}"), ("InstanceID", ids.Next()), ("Parent", controller.Id), ("ResourceType", "17")));
        }
        return items;
    }

    /// <summary>kind is sata, scsiN or ideN, N being the controller's bus number.</summary>
    private static XElement Controller(string kind, string id) => kind switch
    {
        "sata" => OvfWriter.Item(("Address", "0"), ("Description", "SATA Controller"), ("ElementName", "SATA controller 0"),
            ("InstanceID", id), ("ResourceSubType", "vmware.sata.ahci"), ("ResourceType", "20")),
        _ when kind.StartsWith("scsi", StringComparison.Ordinal) => OvfWriter.Item(("Address", kind[4..]), ("Description", "SCSI Controller"),
            ("ElementName", $"SCSI controller {kind[4..]}"), ("InstanceID", id), ("ResourceSubType", "lsilogic"), ("ResourceType", "6")),
        _ => OvfWriter.Item(("Address", kind[3..]), ("Description", "IDE Controller"), ("ElementName", $"IDE {kind[3..]}"),
            ("InstanceID", id), ("ResourceType", "5")),
    };
}
