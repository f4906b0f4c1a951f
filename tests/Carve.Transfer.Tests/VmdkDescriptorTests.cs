using Carve.Core.Errors;
using Carve.Transfer;

namespace Carve.Transfer.Tests;

public sealed class VmdkDescriptorTests
{
    [Theory]
    [InlineData("RW 2048 FLAT \"a-flat.vmdk\" 0", "a-flat.vmdk")]
    [InlineData("RW 4192256 SPARSE \"a-s001.vmdk\"", "a-s001.vmdk")]
    [InlineData("RDONLY 100 VMFS \"x.vmdk\"", "x.vmdk")]
    [InlineData("  RW   2048   FLAT   \"spaced.vmdk\"   0", "spaced.vmdk")]
    [InlineData("RW\n2048\nFLAT \"split.vmdk\" 0", "split.vmdk")]
    public void Extent_lines_are_found_the_way_qemu_finds_them(string line, string name) =>
        Assert.Contains(name, VmdkDescriptor.ExtentNames($"# Disk DescriptorFile\nversion=1\ncreateType=\"monolithicFlat\"\n{line}\nddb.adapterType = \"lsilogic\"\n"));

    [Fact]
    public void Settings_with_quoted_values_are_not_extents()
    {
        Assert.Empty(VmdkDescriptor.ExtentNames("createType=\"monolithicFlat\"\nddb.adapterType = \"lsilogic\"\nddb.uuid = \"60 00 C2\"\nRW 0x10 FLAT \"hex.vmdk\" 0\n"));
        Assert.Equal(["zero"], VmdkDescriptor.ExtentNames("RW 10 ZERO \"zero\"\n\0RW 10 FLAT \"after-nul.vmdk\" 0\n"));
    }

    [Fact]
    public void Extents_beside_the_descriptor_pass_and_others_are_refused()
    {
        using var dir = new TempDir();
        dir.Write("d-flat.vmdk", "data");
        var good = dir.Write("good.vmdk", "# Disk DescriptorFile\nRW 1 FLAT \"d-flat.vmdk\" 0\n");
        VmdkDescriptor.CheckExtents(good);

        var missing = dir.Write("missing.vmdk", "# Disk DescriptorFile\nRW 1 FLAT \"gone-flat.vmdk\" 0\n");
        Assert.Contains("is missing", Assert.Throws<BadRequestException>(() => VmdkDescriptor.CheckExtents(missing)).Message, StringComparison.Ordinal);
        var parent = dir.Write("delta.vmdk", "# Disk DescriptorFile\nparentFileNameHint=\"base.vmdk\"\nRW 1 SPARSE \"d-flat.vmdk\"\n");
        Assert.Contains("parent", Assert.Throws<BadRequestException>(() => VmdkDescriptor.CheckExtents(parent)).Message, StringComparison.Ordinal);
        File.CreateSymbolicLink(dir.Sub("link-flat.vmdk"), "/etc/hostname");
        var link = dir.Write("link.vmdk", "# Disk DescriptorFile\nRW 1 FLAT \"link-flat.vmdk\" 0\n");
        Assert.Contains("leads outside", Assert.Throws<BadRequestException>(() => VmdkDescriptor.CheckExtents(link)).Message, StringComparison.Ordinal);
    }
}
