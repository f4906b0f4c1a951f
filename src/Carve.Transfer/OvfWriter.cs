using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using static Carve.Transfer.OvfNamespaces;

namespace Carve.Transfer;

/// <summary>
/// Writes an OVF 1.0 envelope the way VMware's ovftool does, so that ESXi/vSphere and VirtualBox import it:
/// vmx-10 hardware, RASD fields in schema (alphabetical) order, an LSI Logic SCSI controller for virtio disks,
/// AHCI for SATA, IDE for IDE, VmxNet3 for virtio NICs and E1000 for e1000, and vmw:Config for EFI firmware.
/// </summary>
public static class OvfWriter
{
    private const string NetworkName = "VM Network";

    public static byte[] Write(OvfExport vm)
    {
        var ids = new InstanceIds();
        var hardware = new XElement(Ovf + "VirtualHardwareSection",
            new XElement(Ovf + "Info", "Virtual hardware requirements"),
            new XElement(Ovf + "System",
                new XElement(Vssd + "ElementName", "Virtual Hardware Family"),
                new XElement(Vssd + "InstanceID", "0"),
                new XElement(Vssd + "VirtualSystemIdentifier", vm.Name),
                new XElement(Vssd + "VirtualSystemType", "vmx-10")),
            Item(("AllocationUnits", "hertz * 10^6"), ("Description", "Number of Virtual CPUs"),
                ("ElementName", $"{vm.Cpus} virtual CPU(s)"), ("InstanceID", ids.Next()), ("ResourceType", "3"), ("VirtualQuantity", Num(vm.Cpus))),
            Item(("AllocationUnits", "byte * 2^20"), ("Description", "Memory Size"),
                ("ElementName", $"{vm.MemoryMiB}MB of memory"), ("InstanceID", ids.Next()), ("ResourceType", "4"), ("VirtualQuantity", Num(vm.MemoryMiB))));
        hardware.Add(OvfControllers.Items(vm.Disks, ids));
        hardware.Add(vm.NicModels.Select((model, i) =>
        {
            var subType = model == "virtio" ? "VmxNet3" : "E1000";
            return Item(("AutomaticAllocation", "true"), ("Connection", NetworkName), ("Description", $"{subType} ethernet adapter on \"{NetworkName}\""),
                ("ElementName", $"Network adapter {i + 1}"), ("InstanceID", ids.Next()), ("ResourceSubType", subType), ("ResourceType", "10"));
        }));
        if (vm.Firmware == "uefi")
            hardware.Add(new XElement(Vmw + "Config", new XAttribute(Ovf + "required", "false"), new XAttribute(Vmw + "key", "firmware"), new XAttribute(Vmw + "value", "efi")));

        var system = new XElement(Ovf + "VirtualSystem", new XAttribute(Ovf + "id", vm.Name),
            new XElement(Ovf + "Info", "A virtual machine"),
            new XElement(Ovf + "Name", vm.Name),
            vm.Description is null ? null : new XElement(Ovf + "AnnotationSection",
                new XElement(Ovf + "Info", "A human-readable annotation"), new XElement(Ovf + "Annotation", vm.Description)),
            new XElement(Ovf + "OperatingSystemSection", new XAttribute(Ovf + "id", "102"), new XAttribute(Vmw + "osType", "otherGuest64"),
                new XElement(Ovf + "Info", "The kind of installed guest operating system")),
            hardware);

        var envelope = new XElement(Ovf + "Envelope",
            new XAttribute(XNamespace.Xmlns + "cim", Cim.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "ovf", Ovf.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "rasd", Rasd.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "vmw", Vmw.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "vssd", Vssd.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            // Declared last so that elements take the default namespace and only attributes the ovf: prefix, as ovftool writes.
            new XAttribute("xmlns", Ovf.NamespaceName),
            new XElement(Ovf + "References", vm.Disks.Select((d, i) => new XElement(Ovf + "File",
                new XAttribute(Ovf + "href", d.FileName), new XAttribute(Ovf + "id", $"file{i + 1}"), new XAttribute(Ovf + "size", Num(d.FileSize))))),
            new XElement(Ovf + "DiskSection", new XElement(Ovf + "Info", "Virtual disk information"),
                vm.Disks.Select((d, i) => new XElement(Ovf + "Disk",
                    new XAttribute(Ovf + "capacity", Num(d.CapacityBytes)), new XAttribute(Ovf + "capacityAllocationUnits", "byte"),
                    new XAttribute(Ovf + "diskId", $"vmdisk{i + 1}"), new XAttribute(Ovf + "fileRef", $"file{i + 1}"),
                    new XAttribute(Ovf + "format", StreamOptimized)))),
            vm.NicModels.Count == 0 ? null : new XElement(Ovf + "NetworkSection", new XElement(Ovf + "Info", "The list of logical networks"),
                new XElement(Ovf + "Network", new XAttribute(Ovf + "name", NetworkName), new XElement(Ovf + "Description", $"The {NetworkName} network"))),
            system);

        using var buffer = new MemoryStream();
        buffer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", OmitXmlDeclaration = true }))
            envelope.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>An ovf:Item with rasd: fields; callers list them in the schema's alphabetical order.</summary>
    internal static XElement Item(params (string Name, string Value)[] fields) =>
        new(Ovf + "Item", fields.Select(f => new XElement(Rasd + f.Name, f.Value)));

    internal static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RASD InstanceIDs, unique within the hardware section, counted from 1.</summary>
    internal sealed class InstanceIds
    {
        private int _next;

        public string Next() => Num(++_next);
    }
}
