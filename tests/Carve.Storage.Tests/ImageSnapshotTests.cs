using Carve.Core.Storage;
using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>Internal qcow2 snapshots, overlays and copies through the image tool; the data is read back with qemu-io.</summary>
public sealed class ImageSnapshotTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly PoolHost _host = new();

    private IImageTool Images => _host.Images;

    [Fact]
    public async Task ASnapshotIsTakenFoundRevertedToAndDeleted()
    {
        var disk = await DiskAsync("disk.qcow2", 0x11);
        await Images.CreateSnapshotAsync(disk, "s1", CancellationToken.None);
        Assert.True(await Images.HasSnapshotAsync(disk, "s1", CancellationToken.None));
        Assert.False(await Images.HasSnapshotAsync(disk, "s2", CancellationToken.None));

        await Tools.WriteAsync(disk, "qcow2", 0x22, 0, 65536);
        await Tools.AssertReadsAsync(disk, "qcow2", 0x22);
        await Images.RevertSnapshotAsync(disk, "s1", CancellationToken.None);
        await Tools.AssertReadsAsync(disk, "qcow2", 0x11);
        Assert.True(await Images.HasSnapshotAsync(disk, "s1", CancellationToken.None), "a revert keeps the snapshot");

        await Images.DeleteSnapshotAsync(disk, "s1", CancellationToken.None);
        Assert.False(await Images.HasSnapshotAsync(disk, "s1", CancellationToken.None));
        // Run again, as after an interrupted delete: nothing to do is no error.
        await Images.DeleteSnapshotAsync(disk, "s1", CancellationToken.None);
        await Tools.AssertReadsAsync(disk, "qcow2", 0x11);
    }

    [Fact]
    public async Task AnOverlayReadsItsBackingFileAndWritesOnlyItself()
    {
        var source = await DiskAsync("template.qcow2", 0x33);
        var overlay = _dir.File("clone.qcow2");

        await Images.CreateOverlayAsync(overlay, source, CancellationToken.None);

        Assert.Equal(source, (await Images.InspectAsync(overlay, CancellationToken.None)).BackingFile);
        Assert.Equal(8L << 20, (await Images.InspectAsync(overlay, CancellationToken.None)).VirtualSizeBytes);
        await Tools.AssertReadsAsync(overlay, "qcow2", 0x33);
        await Tools.WriteAsync(overlay, "qcow2", 0x44, 0, 65536);
        await Tools.AssertReadsAsync(overlay, "qcow2", 0x44);
        await Tools.AssertReadsAsync(source, "qcow2", 0x33);
    }

    [Fact]
    public async Task ACopyIsStandaloneAsItIsOrAtASnapshot()
    {
        var disk = await DiskAsync("disk.qcow2", 0x11);
        await Images.CreateSnapshotAsync(disk, "s1", CancellationToken.None);
        await Tools.WriteAsync(disk, "qcow2", 0x22, 0, 65536);

        var atSnapshot = _dir.File("at-s1.qcow2");
        await Images.CopyAsync(disk, atSnapshot, "s1", CancellationToken.None);
        var now = _dir.File("now.qcow2");
        await Images.CopyAsync(disk, now, null, CancellationToken.None);

        await Tools.AssertReadsAsync(atSnapshot, "qcow2", 0x11);
        await Tools.AssertReadsAsync(now, "qcow2", 0x22);
        foreach (var copy in new[] { atSnapshot, now })
        {
            var info = await Images.InspectAsync(copy, CancellationToken.None);
            Assert.Null(info.BackingFile);
            Assert.False(await Images.HasSnapshotAsync(copy, "s1", CancellationToken.None), "a copy starts without the source's snapshots");
        }
    }

    /// <summary>An 8 MiB qcow2 whose first 64 KiB read <paramref name="pattern"/>.</summary>
    private async Task<string> DiskAsync(string name, byte pattern)
    {
        var path = _dir.File(name);
        await Images.CreateAsync(path, 8L << 20, CancellationToken.None);
        await Tools.WriteAsync(path, "qcow2", pattern, 0, 65536);
        return path;
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
