using System.Xml.Linq;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Tests.Shared;

namespace Carve.Api.Tests.Transfer;

/// <summary>Imports with the real qemu-img: the settings the package gives, the same bytes, and sparse volumes.</summary>
public sealed class TransferImportTests : IAsyncLifetime
{
    private TransferHost _host = null!;
    private string _raw = null!;

    public async Task InitializeAsync()
    {
        _host = await TransferHost.StartAsync();
        _raw = TestDisk.Create(Path.Combine(_host.Images, "source.raw"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_vmware_ova_becomes_a_vm_with_its_cpus_memory_firmware_disk_and_nic()
    {
        var ova = await VmwareOva.BuildAsync(_host.Images, "appliance", _raw, new VmwareOvaOptions { Cpus = 3, MemoryMiB = 384, Firmware = "efi" });

        var task = await _host.ImportAsync(ova, "appliance");

        TransferHost.Succeeded(task);
        Assert.Equal("vm-import", task.Type);
        var config = _host.Config("appliance");
        Assert.Equal((3, 384, "uefi"), (config.Cpus, config.MemoryMiB, config.Firmware));
        var disk = Assert.Single(config.Disks);
        Assert.Equal(("disk0", "sata", "qcow2"), (disk.Name, disk.Bus, disk.Format));
        Assert.Equal("virtio", Assert.Single(config.Nics).Model);
        Assert.NotNull(config.EfiVars);
        Assert.True(File.Exists(_host.VolumePath(config.EfiVars)));
        await TransferHost.AssertSameContentAsync(_raw, "raw", _host.VolumePath(disk), "qcow2");
        // Sparse: 4 MiB of data in a 32 MiB disk stays about 4 MiB.
        Assert.True(new FileInfo(_host.VolumePath(disk)).Length < TestDisk.Size / 4, "the imported volume is not sparse");
        Assert.Contains(task.Log!, l => l.Text.Contains("Left out a CD/DVD drive", StringComparison.Ordinal));
        Assert.Equal(100, task.Progress);
    }

    [Fact]
    public async Task An_ovf_with_its_files_beside_it_imports()
    {
        var ova = await VmwareOva.BuildAsync(_host.Images, "pkg", _raw);
        var dir = Directory.CreateDirectory(Path.Combine(_host.Images, "pkg")).FullName;
        Assert.Equal(0, (await new Carve.Host.Processes.ProcessRunner().RunAsync(new("tar", ["-xf", ova, "-C", dir]), CancellationToken.None)).ExitCode);

        var task = await _host.ImportAsync(Path.Combine(dir, "pkg.ovf"), "from-ovf");

        TransferHost.Succeeded(task);
        Assert.Equal((2, 256, "bios"), (_host.Config("from-ovf").Cpus, _host.Config("from-ovf").MemoryMiB, _host.Config("from-ovf").Firmware));
        await TransferHost.AssertSameContentAsync(_raw, "raw", _host.VolumePath(_host.Config("from-ovf").Disks[0]), "qcow2");
    }

    [Theory]
    [InlineData("qcow2", null, "virtio")]
    [InlineData("raw", null, "virtio")]
    [InlineData("vmdk", "subformat=monolithicSparse", "sata")]
    [InlineData("vmdk", "subformat=streamOptimized", "sata")]
    [InlineData("vmdk", "subformat=monolithicFlat", "sata")]
    [InlineData("vmdk", "subformat=twoGbMaxExtentSparse", "sata")]
    [InlineData("vhdx", null, "sata")]
    [InlineData("vdi", null, "sata")]
    [InlineData("vmdk", "subformat=twoGbMaxExtentFlat", "sata")]
    [InlineData("vpc", "subformat=dynamic,force_size=on", "sata")]
    [InlineData("vpc", "subformat=fixed,force_size=on", "sata")]
    public async Task A_single_disk_image_imports_with_the_same_content(string format, string? options, string bus)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_host.Images, "single")).FullName;
        var image = Path.Combine(dir, "disk." + (format == "vpc" ? "vhd" : format));
        await TransferHost.QemuImgAsync(["convert", "-f", "raw", "-O", format, .. options is null ? Array.Empty<string>() : ["-o", options], _raw, image]);

        var task = await _host.ImportAsync(image, "single", r => r with { Cpus = 2, MemoryMiB = 300 });

        TransferHost.Succeeded(task);
        var config = _host.Config("single");
        Assert.Equal((2, 300, "bios", bus), (config.Cpus, config.MemoryMiB, config.Firmware, config.Disks[0].Bus));
        Assert.Equal("virtio", Assert.Single(config.Nics).Model);
        await TransferHost.AssertSameContentAsync(_raw, "raw", _host.VolumePath(config.Disks[0]), "qcow2");
    }

    [Fact]
    public async Task A_blank_disk_the_ovf_declares_without_a_file_is_created_empty()
    {
        var ova = await VmwareOva.BuildAsync(_host.Images, "two", _raw, new VmwareOvaOptions { EditOvf = AddBlankDisk });

        var task = await _host.ImportAsync(ova, "two");

        TransferHost.Succeeded(task);
        var disks = _host.Config("two").Disks;
        Assert.Equal(2, disks.Count);
        Assert.Contains("virtual size: 1 GiB", await TransferHost.QemuImgAsync("info", _host.VolumePath(disks[1])));
    }

    /// <summary>A second disk with no file (VMware's "create at deployment"), on the SCSI controller's unit 1.</summary>
    private static string AddBlankDisk(string text)
    {
        XNamespace ovf = "http://schemas.dmtf.org/ovf/envelope/1";
        XNamespace rasd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData";
        var doc = XDocument.Parse(text);
        doc.Descendants(ovf + "DiskSection").Single().Add(new XElement(ovf + "Disk",
            new XAttribute(ovf + "capacity", "1"), new XAttribute(ovf + "capacityAllocationUnits", "byte * 2^30"), new XAttribute(ovf + "diskId", "vmdisk2")));
        doc.Descendants(ovf + "Item").First(i => (string?)i.Element(rasd + "ResourceType") == "17").AddAfterSelf(new XElement(ovf + "Item",
            new XElement(rasd + "AddressOnParent", "1"), new XElement(rasd + "ElementName", "Hard disk 2"),
            new XElement(rasd + "HostResource", "ovf:/disk/vmdisk2"), new XElement(rasd + "InstanceID", "20"),
            new XElement(rasd + "Parent", "3"), new XElement(rasd + "ResourceType", "17")));
        return doc.ToString();
    }

    [Fact]
    public async Task An_ova_disk_smaller_than_its_declared_capacity_is_grown_to_it()
    {
        var ova = await VmwareOva.BuildAsync(_host.Images, "grow", _raw, new VmwareOvaOptions
        {
            EditOvf = ovf => ovf.Replace($"ovf:capacity=\"{TestDisk.Size >> 20}\"", "ovf:capacity=\"64\"", StringComparison.Ordinal),
        });

        TransferHost.Succeeded(await _host.ImportAsync(ova, "grow"));

        Assert.Contains("virtual size: 64 MiB", await TransferHost.QemuImgAsync("info", _host.VolumePath(_host.Config("grow").Disks[0])));
    }

    [Fact]
    public async Task The_name_must_be_free_and_valid_before_anything_is_read()
    {
        var ova = await VmwareOva.BuildAsync(_host.Images, "dup", _raw);
        TransferHost.Succeeded(await _host.ImportAsync(ova, "dup"));

        await Assert.ThrowsAsync<ConflictException>(() => _host.ImportAsync(ova, "dup"));
        await Assert.ThrowsAsync<BadRequestException>(() => _host.ImportAsync(ova, "Bad_Name"));
        await Assert.ThrowsAsync<BadRequestException>(() => _host.ImportAsync("/etc/passwd", "outside"));
        Assert.Single(_host.Guests.List());
        Assert.Equal(TaskStates.Succeeded, (await _host.ImportAsync(ova, "dup2")).Status);
    }
}
