using System.Buffers.Binary;
using System.Text;
using Carve.Core.Errors;
using Carve.Transfer;

namespace Carve.Transfer.Tests;

public sealed class PackageReaderTests
{
    /// <summary>The first sector of a hosted sparse VMDK ("KDMV") with the given capacity in sectors.</summary>
    private static byte[] SparseVmdk(ulong capacity, int size = 4096)
    {
        var bytes = new byte[size];
        "KDMV"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(12), capacity);
        return bytes;
    }

    [Fact]
    public async Task An_ova_disk_is_read_in_place_as_a_byte_range_of_the_archive()
    {
        using var dir = new TempDir();
        var vmdk = dir.Sub("web-disk0.vmdk");
        await File.WriteAllBytesAsync(vmdk, SparseVmdk(2048));
        var ovf = OvfWriter.Write(new OvfExport { Name = "web", Disks = [new OvfExportDisk("web-disk0.vmdk", 4096, 1 << 20, "virtio")] });
        var ova = dir.Sub("web.ova");
        await OvaWriter.WriteAsync(ova, "web.ovf", ovf, [("web-disk0.vmdk", vmdk)], null, CancellationToken.None);

        var plan = PackageReader.Read(ova);

        var member = TarIndex.Read(ova).Single(m => m.Name == "web-disk0.vmdk");
        var disk = Assert.Single(plan.Disks);
        Assert.Equal("OVA", plan.Kind);
        Assert.Equal((ova, "vmdk", member.Offset, (long?)member.Length), (disk.Source!.Path, disk.Source.Format, disk.Source.Offset, disk.Source.Length));
        Assert.Equal(("SHA256", 1L << 20, "sata"), (disk.Digest!.Algorithm, disk.DeclaredCapacity!.Value, disk.Bus));
    }

    [Fact]
    public async Task A_changed_descriptor_fails_its_manifest_digest_before_anything_else()
    {
        using var dir = new TempDir();
        var vmdk = dir.Sub("web-disk0.vmdk");
        await File.WriteAllBytesAsync(vmdk, SparseVmdk(2048));
        var ovf = OvfWriter.Write(new OvfExport { Name = "web", Disks = [new OvfExportDisk("web-disk0.vmdk", 4096, 1 << 20, "virtio")] });
        var ova = dir.Sub("web.ova");
        await OvaWriter.WriteAsync(ova, "web.ovf", ovf, [("web-disk0.vmdk", vmdk)], null, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(ova);
        var at = Encoding.ASCII.GetString(bytes).IndexOf("<Name>web", StringComparison.Ordinal);
        bytes[at + 6] = (byte)'X';
        await File.WriteAllBytesAsync(ova, bytes);

        Assert.Contains("web.ovf does not match the manifest", Assert.Throws<BadRequestException>(() => PackageReader.Read(ova)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qcow2")]
    [InlineData("vhdx")]
    [InlineData("vpc")]
    [InlineData("vpc-fixed")]
    [InlineData("vdi")]
    [InlineData("raw")]
    public void Formats_are_named_from_their_magic(string kind)
    {
        using var dir = new TempDir();
        var bytes = new byte[8192];
        switch (kind)
        {
            case "qcow2": new byte[] { (byte)'Q', (byte)'F', (byte)'I', 0xfb }.CopyTo(bytes, 0); break;
            case "vhdx": "vhdxfile"u8.CopyTo(bytes); break;
            case "vpc": "conectix"u8.CopyTo(bytes); break;
            case "vpc-fixed": "conectix"u8.CopyTo(bytes.AsSpan(bytes.Length - 512)); break;
            case "vdi": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x40), 0xbeda107f); break;
        }
        var path = dir.Sub("disk.img");
        File.WriteAllBytes(path, bytes);

        Assert.Equal(kind == "vpc-fixed" ? "vpc" : kind, ImageSniffer.Sniff(path, 0, bytes.Length, false, "disk").Format);
    }

    [Fact]
    public void Vmdks_that_could_open_other_files_are_refused()
    {
        using var dir = new TempDir();
        var zero = dir.Sub("zero.vmdk");
        File.WriteAllBytes(zero, SparseVmdk(0));
        Assert.Contains("embedded descriptor", Assert.Throws<BadRequestException>(() => ImageSniffer.Sniff(zero, 0, 4096, false, "zero")).Message, StringComparison.Ordinal);

        var descriptor = dir.Write("d.vmdk", "# Disk DescriptorFile\nversion=1\ncreateType=\"monolithicFlat\"\nRW 1 FLAT \"d-flat.vmdk\" 0\n");
        dir.Write("d-flat.vmdk", new string('\0', 512));
        Assert.Equal("vmdk", ImageSniffer.Sniff(descriptor, 0, new FileInfo(descriptor).Length, false, "d").Format);
        Assert.Contains("self-contained", Assert.Throws<BadRequestException>(() => ImageSniffer.Sniff(descriptor, 0, new FileInfo(descriptor).Length, true, "d")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vhd_without_its_footer_is_not_taken_as_raw()
    {
        using var dir = new TempDir();
        var path = dir.Sub("disk.vhd");
        File.WriteAllBytes(path, new byte[4096]);

        Assert.Contains("no VHD footer", Assert.Throws<BadRequestException>(() => PackageReader.Read(path)).Message, StringComparison.Ordinal);
    }
}
