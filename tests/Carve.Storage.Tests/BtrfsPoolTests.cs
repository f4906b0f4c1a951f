using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>
/// Directory volumes in a btrfs pool on a loop-mounted btrfs image: subvolumes, with read-only subvolume snapshots
/// and writable-snapshot clones. File volumes are the image tool's, as in any pool.
/// </summary>
public sealed class BtrfsPoolTests(BtrfsMount btrfs) : DirectoryVolumeContract("btrfs", btrfs.NewPoolPath()), IClassFixture<BtrfsMount>
{
    [Fact]
    public async Task VolumesSnapshotsAndClonesAreSubvolumes()
    {
        var root = await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);
        await Pool.CloneVolumeAsync("ct-1-rootfs", "ct-2-rootfs", linked: false, null, CancellationToken.None);

        var snapshot = Path.Combine(Snapshots("ct-1-rootfs"), "s1");
        foreach (var path in new[] { root, snapshot, Pool.VolumePath("ct-2-rootfs") })
            await Tools.RunAsync("btrfs", "subvolume", "show", path);
        Assert.Contains("ro=true", await Tools.RunAsync("btrfs", "property", "get", snapshot, "ro"), StringComparison.Ordinal);
        Assert.Contains("ro=false", await Tools.RunAsync("btrfs", "property", "get", Pool.VolumePath("ct-2-rootfs"), "ro"), StringComparison.Ordinal);

        await Pool.DeleteVolumeAsync("ct-1-rootfs", CancellationToken.None);
        await Pool.DeleteVolumeAsync("ct-2-rootfs", CancellationToken.None);
        Assert.DoesNotContain(Path.GetFileName(Pool.Path), await Tools.RunAsync("btrfs", "subvolume", "list", btrfs.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileVolumesAreImagesAsInAnyPool()
    {
        await Pool.CreateVolumeAsync("vm-1-disk0.qcow2", 8L << 20, CancellationToken.None);
        var disk = Pool.VolumePath("vm-1-disk0.qcow2");
        await Tools.WriteAsync(disk, "qcow2", 0x11, 0, 65536);
        await Pool.SnapshotVolumeAsync("vm-1-disk0.qcow2", "s1", CancellationToken.None);
        await Tools.WriteAsync(disk, "qcow2", 0x22, 0, 65536);
        await Pool.RevertVolumeAsync("vm-1-disk0.qcow2", "s1", CancellationToken.None);
        await Tools.AssertReadsAsync(disk, "qcow2", 0x11);
        Assert.False(Directory.Exists(Snapshots("vm-1-disk0.qcow2")), "qcow2 keeps its snapshots inside the image");

        await Pool.CloneVolumeAsync("vm-1-disk0.qcow2", "vm-2-disk0.qcow2", linked: true, null, CancellationToken.None);
        await Tools.AssertReadsAsync(Pool.VolumePath("vm-2-disk0.qcow2"), "qcow2", 0x11);
    }

    [Fact]
    public void APoolOfTypeBtrfsOutsideBtrfsIsRefused()
    {
        using var dir = new TempDir();
        using var host = new PoolHost(new PoolOptions { Name = "fast", Type = "btrfs", Path = dir.Path });
        var error = Assert.Throws<OperationFailedException>(host.Pools.InitializeAll);
        Assert.StartsWith($"Pool fast is of type btrfs, but {dir.Path} is on ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; mount a btrfs filesystem there.", error.Message, StringComparison.Ordinal);
    }
}
