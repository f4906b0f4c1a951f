using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>File volumes (VM disks) through the bound pool: it picks the image tool for files, the driver for directories.</summary>
public sealed class FileVolumeTests : IDisposable
{
    private const long MiB = 1 << 20;
    private readonly TempDir _dir = new();
    private readonly PoolHost _host;
    private readonly StoragePool _pool;

    public FileVolumeTests() => (_host, _pool) = PoolHost.Dir(_dir.File("pool"));

    [Fact]
    public async Task TheBoundPoolSnapshotsFilesInsideTheImageAndDirectoriesBeside()
    {
        await _pool.CreateVolumeAsync("vm-1-disk0.qcow2", 8 * MiB, CancellationToken.None);
        await _pool.CreateDirectoryVolumeAsync("ct-2-rootfs", CancellationToken.None);

        await _pool.SnapshotVolumeAsync("vm-1-disk0.qcow2", "s1", CancellationToken.None);
        await _pool.SnapshotVolumeAsync("ct-2-rootfs", "s1", CancellationToken.None);

        Assert.True(File.Exists(_pool.VolumePath("vm-1-disk0.qcow2")));
        Assert.Contains("s1", await Tools.RunAsync("qemu-img", "snapshot", "-l", _pool.VolumePath("vm-1-disk0.qcow2")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_pool.Path, ".snapshots", "vm-1-disk0.qcow2")));
        Assert.True(Directory.Exists(Path.Combine(_pool.Path, ".snapshots", "ct-2-rootfs", "s1")));
        Assert.True(await _pool.HasVolumeSnapshotAsync("vm-1-disk0.qcow2", "s1", CancellationToken.None));
        Assert.True(await _pool.HasVolumeSnapshotAsync("ct-2-rootfs", "s1", CancellationToken.None));
        Assert.False(await _pool.HasVolumeSnapshotAsync("never-made.qcow2", "s1", CancellationToken.None));
    }

    [Fact]
    public async Task AVolumeIsCreatedGrownAndNeverOverwritten()
    {
        await _pool.CreateVolumeAsync("vm-1-disk0.qcow2", 8 * MiB, CancellationToken.None);
        await _pool.ResizeVolumeAsync("vm-1-disk0.qcow2", 16 * MiB, CancellationToken.None);
        var info = await _pool.InspectVolumeAsync("vm-1-disk0.qcow2", CancellationToken.None);
        Assert.Equal(("qcow2", 16 * MiB), (info.Format, info.VirtualSizeBytes));

        var error = await Assert.ThrowsAsync<ConflictException>(() => _pool.CreateVolumeAsync("vm-1-disk0.qcow2", MiB, CancellationToken.None));
        Assert.Equal($"The volume {_pool.VolumePath("vm-1-disk0.qcow2")} already exists; refusing to overwrite it.", error.Message);
        Assert.Equal(16 * MiB, (await _pool.InspectVolumeAsync("vm-1-disk0.qcow2", CancellationToken.None)).VirtualSizeBytes);
    }

    [Fact]
    public async Task AnImportLeavesAWholeVolumeOrNone()
    {
        var raw = Tools.RawDisk(_dir.File("disk.raw"), 8 * MiB, 0x42);
        await _pool.ImportVolumeAsync("vm-1-disk0.qcow2", new ImageSource(raw, "raw"), new RecordingProgress(), CancellationToken.None);
        await Tools.AssertSameContentAsync(raw, "raw", _pool.VolumePath("vm-1-disk0.qcow2"), "qcow2");
        Assert.False(File.Exists(_pool.VolumePath("vm-1-disk0.qcow2") + ".part"));

        // A source qemu-img cannot read: the failure leaves neither the volume nor its temporary file.
        var junk = _dir.File("junk.qcow2");
        await File.WriteAllTextAsync(junk, "not an image");
        await Assert.ThrowsAsync<OperationFailedException>(() =>
            _pool.ImportVolumeAsync("vm-2-disk0.qcow2", new ImageSource(junk, "qcow2"), new RecordingProgress(), CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_pool.Path, "vm-2-*"));
    }

    [Fact]
    public async Task ClonesAreOverlaysWhenLinkedAndCopiesOtherwise()
    {
        await _pool.CreateVolumeAsync("vm-1-disk0.qcow2", 8 * MiB, CancellationToken.None);
        var source = _pool.VolumePath("vm-1-disk0.qcow2");
        await Tools.WriteAsync(source, "qcow2", 0x11, 0, 65536);
        await _pool.SnapshotVolumeAsync("vm-1-disk0.qcow2", "s1", CancellationToken.None);
        await Tools.WriteAsync(source, "qcow2", 0x22, 0, 65536);

        await _pool.CloneVolumeAsync("vm-1-disk0.qcow2", "vm-2-disk0.qcow2", linked: true, null, CancellationToken.None);
        await _pool.CloneVolumeAsync("vm-1-disk0.qcow2", "vm-3-disk0.qcow2", linked: false, "s1", CancellationToken.None);

        Assert.Equal(source, (await _pool.InspectVolumeAsync("vm-2-disk0.qcow2", CancellationToken.None)).BackingFile);
        await Tools.AssertReadsAsync(_pool.VolumePath("vm-2-disk0.qcow2"), "qcow2", 0x22);
        Assert.Null((await _pool.InspectVolumeAsync("vm-3-disk0.qcow2", CancellationToken.None)).BackingFile);
        await Tools.AssertReadsAsync(_pool.VolumePath("vm-3-disk0.qcow2"), "qcow2", 0x11);
        var linkedAtSnapshot = await Assert.ThrowsAsync<BadRequestException>(() =>
            _pool.CloneVolumeAsync("vm-1-disk0.qcow2", "vm-4-disk0.qcow2", linked: true, "s1", CancellationToken.None));
        Assert.Equal("A linked clone is backed by the volume as it is; it cannot start from a snapshot. Make a full clone.", linkedAtSnapshot.Message);
    }

    [Fact]
    public async Task DeletingAMissingVolumeOrSnapshotIsFine()
    {
        await _pool.DeleteVolumeAsync("vm-9-disk0.qcow2", CancellationToken.None);
        await _pool.DeleteVolumeSnapshotAsync("vm-9-disk0.qcow2", "s1", CancellationToken.None);

        await _pool.CreateVolumeAsync("vm-1-disk0.qcow2", MiB, CancellationToken.None);
        await File.WriteAllTextAsync(_pool.VolumePath("vm-1-disk0.qcow2") + ".part", "left by a crash");
        await _pool.DeleteVolumeSnapshotAsync("vm-1-disk0.qcow2", "never-taken", CancellationToken.None);
        await _pool.DeleteVolumeAsync("vm-1-disk0.qcow2", CancellationToken.None);
        Assert.Empty(Directory.GetFileSystemEntries(_pool.Path));
    }

    [Fact]
    public async Task ExportWritesTheVolumeInTheFormatAsked()
    {
        var raw = Tools.RawDisk(_dir.File("disk.raw"), 8 * MiB, 0x42);
        await _pool.ImportVolumeAsync("vm-1-disk0.qcow2", new ImageSource(raw, "raw"), new RecordingProgress(), CancellationToken.None);
        var target = _dir.File("out.vhdx");

        await _pool.ExportVolumeAsync("vm-1-disk0.qcow2", target, "vhdx", new RecordingProgress(), CancellationToken.None);

        Assert.Equal("vhdx", (await Tools.InfoAsync(target)).GetProperty("format").GetString());
        await Tools.AssertSameContentAsync(raw, "raw", target, "vhdx");
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
