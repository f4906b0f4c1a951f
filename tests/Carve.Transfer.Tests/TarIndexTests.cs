using System.Formats.Tar;
using Carve.Core.Errors;
using Carve.Transfer;

namespace Carve.Transfer.Tests;

public sealed class TarIndexTests
{
    [Fact]
    public void Members_are_byte_ranges_of_the_archive_itself()
    {
        using var dir = new TempDir();
        var ova = dir.Sub("a.ova");
        using (var tar = new TarWriter(File.Create(ova), TarEntryFormat.Ustar))
        {
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "a.ovf") { DataStream = new MemoryStream("ovf!"u8.ToArray()) });
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "./a-disk1.vmdk") { DataStream = new MemoryStream("disk bytes"u8.ToArray()) });
        }

        var members = TarIndex.Read(ova);

        Assert.Equal(["a.ovf", "a-disk1.vmdk"], members.Select(m => m.Name));
        var bytes = File.ReadAllBytes(ova);
        Assert.Equal("disk bytes"u8.ToArray(), bytes.AsSpan((int)members[1].Offset, (int)members[1].Length).ToArray());
    }

    [Fact]
    public async Task The_writer_puts_the_ovf_first_and_patches_the_manifest_digests()
    {
        using var dir = new TempDir();
        var disk = dir.Write("d.vmdk", new string('x', 1000));
        var ova = dir.Sub("w.ova");

        await OvaWriter.WriteAsync(ova, "w.ovf", "<Envelope/>"u8.ToArray(), [("w-disk0.vmdk", disk)], null, CancellationToken.None);

        var members = TarIndex.Read(ova);
        Assert.Equal(["w.ovf", "w.mf", "w-disk0.vmdk"], members.Select(m => m.Name));
        var bytes = File.ReadAllBytes(ova);
        var manifest = Manifest.Parse(bytes.AsSpan((int)members[1].Offset, (int)members[1].Length).ToArray());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(disk))), manifest["w-disk0.vmdk"].Digest);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("<Envelope/>"u8)), manifest["w.ovf"].Digest);
        Assert.Equal(0, bytes.Length % 512);
    }

    [Fact]
    public void Sizes_of_8_gib_and_more_are_written_in_base_256_and_read_back()
    {
        using var dir = new TempDir();
        var ova = dir.Sub("big.ova");
        const long size = (8L << 30) + 4096;
        using (var file = File.Create(ova))
        {
            file.Write(UstarHeader.For("big.vmdk", size, DateTimeOffset.UnixEpoch));
            file.SetLength(512 + size + 1024); // sparse: the data is all holes
        }

        var member = Assert.Single(TarIndex.Read(ova));

        Assert.Equal(("big.vmdk", 512L, size), (member.Name, member.Offset, member.Length));
    }

    [Fact]
    public void A_member_that_runs_past_the_end_is_truncation()
    {
        using var dir = new TempDir();
        var ova = dir.Sub("cut.ova");
        using (var file = File.Create(ova))
        {
            file.Write(UstarHeader.For("cut.vmdk", 1 << 20, DateTimeOffset.UnixEpoch));
            file.SetLength(512 + 1000);
        }

        Assert.Contains("truncated", Assert.Throws<BadRequestException>(() => TarIndex.Read(ova)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TarEntryType.HardLink)]
    [InlineData(TarEntryType.SymbolicLink)]
    [InlineData(TarEntryType.CharacterDevice)]
    [InlineData(TarEntryType.Fifo)]
    public void Only_plain_files_are_members(TarEntryType type)
    {
        using var dir = new TempDir();
        var ova = dir.Sub("x.ova");
        using (var tar = new TarWriter(File.Create(ova), TarEntryFormat.Pax))
        {
            var entry = new PaxTarEntry(type, "x.vmdk");
            if (type is TarEntryType.HardLink or TarEntryType.SymbolicLink)
                entry.LinkName = "/etc/shadow";
            tar.WriteEntry(entry);
        }

        Assert.Contains("plain files only", Assert.Throws<BadRequestException>(() => TarIndex.Read(ova)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x.vmdk")]
    [InlineData("/x.vmdk")]
    [InlineData("a/../../x.vmdk")]
    [InlineData("c:x.vmdk")]
    [InlineData("a\\x.vmdk")]
    public void Names_that_leave_the_package_are_refused(string name)
    {
        using var dir = new TempDir();
        var ova = dir.Sub("x.ova");
        using (var tar = new TarWriter(File.Create(ova), TarEntryFormat.Pax))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(new byte[10]) });

        Assert.Contains("not a plain relative path", Assert.Throws<BadRequestException>(() => TarIndex.Read(ova)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_tar_is_refused()
    {
        using var dir = new TempDir();
        var ova = dir.Write("x.ova", new string('z', 2000));

        Assert.Throws<BadRequestException>(() => TarIndex.Read(ova));
    }
}
