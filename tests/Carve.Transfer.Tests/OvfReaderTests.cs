using System.Text;
using Carve.Core.Errors;
using Carve.Transfer;

namespace Carve.Transfer.Tests;

public sealed class OvfReaderTests
{
    private static OvfEnvelope Read(string xml) => OvfReader.Read(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void A_virtualbox_ovf_gives_its_settings_in_carve_terms()
    {
        var ovf = Read(OvfSamples.VirtualBox);

        Assert.Equal(("vbox-guest", 2, 2048, "uefi"), (ovf.Name, ovf.Cpus, ovf.MemoryMiB, ovf.Firmware));
        Assert.Equal("Made in VirtualBox", ovf.Description);
        var disk = Assert.Single(ovf.Disks);
        Assert.Equal(("vbox-guest-disk001.vmdk", 8L << 30, "sata"), (disk.File!.Href, disk.CapacityBytes, disk.Bus));
        Assert.Equal(12345L, disk.File.Size);
        Assert.Equal([("e1000", "08:00:27:aa:bb:cc"), ("virtio", null)], ovf.Nics.Select(n => (n.Model, n.Mac)));
        Assert.Equal(["a CD/DVD drive"], ovf.Skipped);
    }

    [Fact]
    public void Disks_are_ordered_by_controller_then_unit_and_scsi_goes_on_sata()
    {
        var ovf = Read(OvfSamples.Hardware(
            OvfSamples.Controller(10, 5, null) + OvfSamples.Controller(11, 6, "lsilogic")
            + OvfSamples.Drive(20, "d3", parent: 11, unit: 1) + OvfSamples.Drive(21, "d2", parent: 11, unit: 0) + OvfSamples.Drive(22, "d1", parent: 10, unit: 0),
            disks: ["d1", "d2", "d3"]));

        Assert.Equal([("d1.vmdk", "ide"), ("d2.vmdk", "sata"), ("d3.vmdk", "sata")], ovf.Disks.Select(d => (d.File!.Href, d.Bus)));
    }

    [Fact]
    public void Beyond_six_ahci_ports_disks_go_on_virtio()
    {
        var ids = Enumerable.Range(0, 8).Select(i => $"d{i}").ToArray();
        var ovf = Read(OvfSamples.Hardware(
            OvfSamples.Controller(10, 20, "vmware.sata.ahci") + string.Concat(ids.Select((d, i) => OvfSamples.Drive(20 + i, d, parent: 10, unit: i))),
            disks: ids));

        Assert.Equal(["sata", "sata", "sata", "sata", "sata", "sata", "virtio", "virtio"], ovf.Disks.Select(d => d.Bus));
    }

    [Fact]
    public void Only_the_items_of_the_default_configuration_count()
    {
        var ovf = Read(OvfSamples.Hardware(
            """
            <Item ovf:configuration="small"><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>1</rasd:VirtualQuantity></Item>
            <Item ovf:configuration="large"><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>8</rasd:VirtualQuantity></Item>
            """,
            disks: [],
            deployment: """<DeploymentOptionSection><Info>x</Info><Configuration ovf:id="small"><Label>S</Label><Description>S</Description></Configuration><Configuration ovf:default="true" ovf:id="large"><Label>L</Label><Description>L</Description></Configuration></DeploymentOptionSection>"""));

        Assert.Equal(8, ovf.Cpus);
    }

    [Theory]
    [InlineData("byte * 2^20", "1024", 1024)]
    [InlineData("byte * 2^30", "2", 2048)]
    [InlineData("MegaBytes", "512", 512)]
    [InlineData("byte", "536870912", 512)]
    [InlineData(null, "256", 256)]
    public void Memory_units_are_read_as_written(string? units, string quantity, int mib)
    {
        var unitsElement = units is null ? "" : $"<rasd:AllocationUnits>{units}</rasd:AllocationUnits>";
        var ovf = Read(OvfSamples.Hardware($"<Item>{unitsElement}<rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>{quantity}</rasd:VirtualQuantity></Item>", disks: []));

        Assert.Equal(mib, ovf.MemoryMiB);
    }

    [Theory]
    [InlineData("""<!DOCTYPE Envelope [<!ENTITY x SYSTEM "file:///etc/passwd">]>""", "DTD")]
    [InlineData("""<!DOCTYPE Envelope SYSTEM "http://example.invalid/ovf.dtd">""", "DTD")]
    public void Dtds_are_refused(string doctype, string expected)
    {
        var e = Assert.Throws<BadRequestException>(() => Read(OvfSamples.Hardware("", disks: []).Replace("<Envelope", doctype + "<Envelope", StringComparison.Ordinal)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Foo/>", "not an OVF envelope")]
    [InlineData("<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\"><VirtualSystemCollection/></Envelope>", "several VMs")]
    [InlineData("<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\"></Envelope>", "no VirtualSystem")]
    [InlineData("not xml", "not valid XML")]
    public void Descriptors_that_are_not_one_vm_are_refused(string xml, string expected) =>
        Assert.Contains(expected, Assert.Throws<BadRequestException>(() => Read(xml)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("ovf:capacity=\"1\" ovf:capacityAllocationUnits=\"byte * 2^50\"", "more than the 64 TiB")]
    [InlineData("ovf:capacity=\"99999999999999999999\"", "not a whole number")]
    [InlineData("ovf:capacity=\"9223372036854775807\" ovf:capacityAllocationUnits=\"byte * 2^20\"", "impossible")]
    [InlineData("ovf:capacity=\"0\"", "no capacity")]
    public void Impossible_capacities_are_refused(string capacity, string expected)
    {
        var xml = OvfSamples.Hardware(OvfSamples.Drive(20, "d1", parent: 0, unit: 0), disks: ["d1"]).Replace("ovf:capacity=\"1048576\"", capacity, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<BadRequestException>(() => Read(xml)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drive_pointing_at_an_undeclared_disk_or_attached_twice_is_refused()
    {
        Assert.Contains("does not declare", Assert.Throws<BadRequestException>(() =>
            Read(OvfSamples.Hardware(OvfSamples.Drive(20, "nope", parent: 0, unit: 0), disks: ["d1"]))).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<BadRequestException>(() =>
            Read(OvfSamples.Hardware(OvfSamples.Drive(20, "d1", parent: 0, unit: 0) + OvfSamples.Drive(21, "d1", parent: 0, unit: 1), disks: ["d1"]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compressed_or_chunked_files_are_refused_clearly()
    {
        var xml = OvfSamples.Hardware(OvfSamples.Drive(20, "d1", parent: 0, unit: 0), disks: ["d1"]);
        Assert.Contains("compressed", Assert.Throws<BadRequestException>(() =>
            Read(xml.Replace("ovf:href=\"d1.vmdk\"", "ovf:href=\"d1.vmdk\" ovf:compression=\"gzip\"", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Contains("chunks", Assert.Throws<BadRequestException>(() =>
            Read(xml.Replace("ovf:href=\"d1.vmdk\"", "ovf:href=\"d1.vmdk\" ovf:chunkSize=\"1000\"", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
    }
}
