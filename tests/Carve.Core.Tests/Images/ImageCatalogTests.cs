using Carve.Core.Images;

namespace Carve.Core.Tests.Images;

public sealed class ImageCatalogTests
{
    [Theory]
    [InlineData("debian-12.5.0-amd64-netinst.iso", "iso")]
    [InlineData("UBUNTU.ISO", "iso")]
    [InlineData("vmlinuz", "kernel")]
    [InlineData("vmlinuz-6.1.0-18-amd64", "kernel")]
    [InlineData("bzImage", "kernel")]
    [InlineData("initrd.img", "initrd")]
    [InlineData("initramfs-linux.img", "initrd")]
    [InlineData("disk.qcow2", "disk")]
    [InlineData("appliance.ova", "disk")]
    [InlineData("win.vhdx", "disk")]
    [InlineData("old.img", "disk")]
    [InlineData("notes.txt", null)]
    [InlineData("iso", null)]
    public void Files_are_told_apart_by_their_names(string name, string? kind) =>
        Assert.Equal(kind, ImageCatalog.KindOf(name));
}
