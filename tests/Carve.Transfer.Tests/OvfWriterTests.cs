using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using Carve.Transfer;

namespace Carve.Transfer.Tests;

public sealed class OvfWriterTests
{
    private static readonly OvfExport Sample = new()
    {
        Name = "web",
        Cpus = 2,
        MemoryMiB = 1024,
        Firmware = "uefi",
        Description = "Front end <prod> & co",
        Disks =
        [
            new OvfExportDisk("web-disk0.vmdk", 123456, 8L << 30, "virtio"),
            new OvfExportDisk("web-disk1.vmdk", 2048, 1L << 30, "sata"),
        ],
        NicModels = ["virtio", "e1000"],
    };

    [Fact]
    public void The_envelope_matches_the_golden_file()
    {
        var actual = Encoding.UTF8.GetString(OvfWriter.Write(Sample));
        var golden = Path.Combine(GoldenDirectory(), "web-uefi.ovf");
        if (Environment.GetEnvironmentVariable("CARVE_UPDATE_GOLDEN") == "1")
            File.WriteAllText(golden, actual);
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var ovf = OvfReader.Read(OvfWriter.Write(Sample));

        Assert.Equal(("web", 2, 1024, "uefi", "Front end <prod> & co"), (ovf.Name, ovf.Cpus, ovf.MemoryMiB, ovf.Firmware, ovf.Description));
        Assert.Equal([("web-disk0.vmdk", 123456L, 8L << 30), ("web-disk1.vmdk", 2048L, 1L << 30)],
            ovf.Disks.Select(d => (d.File!.Href, d.File.Size!.Value, d.CapacityBytes!.Value)));
        Assert.Equal(["virtio", "e1000"], ovf.Nics.Select(n => n.Model));
        Assert.Null(OvfReader.Read(OvfWriter.Write(Sample with { Firmware = "bios" })).Firmware);
    }

    [Fact]
    public void Rasd_fields_are_in_the_schema_order_vmware_checks()
    {
        var doc = XDocument.Parse(Encoding.UTF8.GetString(OvfWriter.Write(Sample)));
        foreach (var item in doc.Descendants().Where(e => e.Name.LocalName == "Item"))
        {
            var names = item.Elements().Select(e => e.Name.LocalName).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
        }
    }

    [Fact]
    public void Sixteen_virtio_disks_need_two_scsi_controllers_and_skip_unit_seven()
    {
        var disks = Enumerable.Range(0, 16).Select(i => new OvfExportDisk($"d{i}.vmdk", 1, 1 << 20, "virtio")).ToList();
        var doc = XDocument.Parse(Encoding.UTF8.GetString(OvfWriter.Write(Sample with { Disks = disks })));
        XNamespace rasd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData";
        var items = doc.Descendants().Where(e => e.Name.LocalName == "Item").ToList();

        Assert.Equal(2, items.Count(i => (string?)i.Element(rasd + "ResourceSubType") == "lsilogic"));
        var units = items.Where(i => (string?)i.Element(rasd + "ResourceType") == "17").Select(i => (string)i.Element(rasd + "AddressOnParent")!).ToList();
        Assert.DoesNotContain("7", units);
        Assert.Equal(16, units.Count);
        Assert.Equal(16, OvfReader.Read(OvfWriter.Write(Sample with { Disks = disks })).Disks.Count);
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
