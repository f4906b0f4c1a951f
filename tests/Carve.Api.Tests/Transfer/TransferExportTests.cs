using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Transfer;

namespace Carve.Api.Tests.Transfer;

/// <summary>Export, then import what was exported: the same bytes (qemu-img compare), and through an OVA the same settings.</summary>
public sealed class TransferExportTests : IAsyncLifetime
{
    private TransferHost _host = null!;
    private string _raw = null!;

    public async Task InitializeAsync()
    {
        _host = await TransferHost.StartAsync();
        _raw = TestDisk.Create(Path.Combine(_host.Images, "source.raw"));
        TransferHost.Succeeded(await _host.ImportAsync(_raw, "orig", r => r with { Cpus = 3, MemoryMiB = 384, Firmware = "uefi" }));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("ova")]
    [InlineData("vhdx")]
    [InlineData("qcow2")]
    [InlineData("vmdk")]
    [InlineData("raw")]
    public async Task A_round_trip_keeps_the_disk_and_through_an_ova_the_settings(string format)
    {
        var export = await _host.ExportAsync("orig", format);
        TransferHost.Succeeded(export);
        var view = _host.ExportStore.Get(export.Id);
        var file = Assert.Single(view.Files);
        Assert.Equal(format == "ova" ? "orig.ova" : $"orig-disk0.{format}", file.Name);
        // The export lies in the data dir; a user would download it and put it where images are read from.
        var copy = Path.Combine(_host.Images, file.Name);
        File.Copy(_host.ExportStore.FilePath(export.Id, file.Name), copy);

        TransferHost.Succeeded(await _host.ImportAsync(copy, "back"));

        var back = _host.Config("back");
        await TransferHost.AssertSameContentAsync(_raw, "raw", _host.VolumePath(back.Disks[0]), "qcow2");
        if (format == "ova")
            Assert.Equal((3, 384, "uefi"), (back.Cpus, back.MemoryMiB, back.Firmware));
        _host.ExportStore.Delete(export.Id);
        Assert.Empty(_host.ExportStore.List());
    }

    [Fact]
    public async Task The_ova_is_laid_out_as_vmware_wants_and_its_manifest_holds()
    {
        var export = await _host.ExportAsync("orig", "ova");
        TransferHost.Succeeded(export);
        var ova = _host.ExportStore.FilePath(export.Id, "orig.ova");

        var members = TarIndex.Read(ova);
        Assert.Equal(["orig.ovf", "orig.mf", "orig-disk0.vmdk"], members.Select(m => m.Name));
        var manifest = Manifest.Parse(Slice(ova, members[1]));
        foreach (var member in members.Where(m => m.Name != "orig.mf"))
            await DigestCheck.VerifyAsync(ova, member.Offset, member.Length, manifest[member.Name], CancellationToken.None);
        var ovf = System.Text.Encoding.UTF8.GetString(Slice(ova, members[0]));
        Assert.Contains("vmdk.html#streamOptimized", ovf, StringComparison.Ordinal);
        Assert.Contains("<rasd:ResourceSubType>lsilogic</rasd:ResourceSubType>", ovf, StringComparison.Ordinal);
        Assert.Contains("vmw:key=\"firmware\" vmw:value=\"efi\"", ovf, StringComparison.Ordinal);
        Assert.Contains($"ovf:capacity=\"{TestDisk.Size}\"", ovf, StringComparison.Ordinal);

        // GNU tar reads it as well, and qemu-img sees the VMDK VMware expects.
        var dir = Directory.CreateDirectory(Path.Combine(_host.Root, "unpacked")).FullName;
        var tar = await new Carve.Host.Processes.ProcessRunner().RunAsync(new("tar", ["-xf", ova, "-C", dir]), CancellationToken.None);
        Assert.True(tar.Succeeded, tar.Stderr);
        var info = await TransferHost.QemuImgAsync("info", Path.Combine(dir, "orig-disk0.vmdk"));
        Assert.Contains("create type: streamOptimized", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_refuse_an_unknown_format_and_an_unknown_vm()
    {
        await Assert.ThrowsAsync<BadRequestException>(() => _host.ExportAsync("orig", "vdi"));
        await Assert.ThrowsAsync<NotFoundException>(() => _host.ExportAsync("nope", "ova"));
        Assert.Throws<NotFoundException>(() => _host.ExportStore.Get("../etc"));
        Assert.Throws<NotFoundException>(() => _host.ExportStore.Get("t0123456789abcde"));
    }

    [Fact]
    public async Task A_failed_export_leaves_nothing_in_the_exports()
    {
        // The volume disappears under the export: qemu-img fails, and the half-made export is removed.
        File.Delete(_host.VolumePath(_host.Config("orig").Disks[0]));

        var export = await _host.ExportAsync("orig", "ova");

        Assert.Equal(TaskStates.Failed, export.Status);
        Assert.Empty(_host.ExportStore.List());
        Assert.False(Directory.Exists(Path.Combine(_host.ExportStore.Root, export.Id + ".part")));
    }

    private static byte[] Slice(string path, TarMember member)
    {
        var bytes = new byte[member.Length];
        using var file = File.OpenRead(path);
        file.Position = member.Offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
