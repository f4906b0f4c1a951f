using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>
/// What every pool type must do with directory volumes (container root filesystems), run against each type
/// through the bound pool: snapshots that really bring files back, clones, deletes that may be run again.
/// </summary>
public abstract class DirectoryVolumeContract : IDisposable
{
    private readonly PoolHost _host;

    protected DirectoryVolumeContract(string type, string poolPath)
    {
        _host = new PoolHost(new PoolOptions { Name = "local", Type = type, Path = poolPath });
        _host.Pools.InitializeAll();
        Pool = _host.Pools.Default;
    }

    protected StoragePool Pool { get; }

    protected string Snapshots(string volume) => Path.Combine(Pool.Path, ".snapshots", volume);

    [Fact]
    public async Task ARevertBringsTheFilesOfTheSnapshotBack()
    {
        var root = await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);
        Assert.True(await Pool.HasVolumeSnapshotAsync("ct-1-rootfs", "s1", CancellationToken.None));
        Assert.False(await Pool.HasVolumeSnapshotAsync("ct-1-rootfs", "s2", CancellationToken.None));

        await File.WriteAllTextAsync(Path.Combine(root, "etc/hostname"), "changed\n");
        await File.WriteAllTextAsync(Path.Combine(root, "new-file"), "x");
        Directory.Delete(Path.Combine(root, "var"), recursive: true);

        await Pool.RevertVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);

        Assert.Equal("box\n", await File.ReadAllTextAsync(Path.Combine(root, "etc/hostname")));
        Assert.False(File.Exists(Path.Combine(root, "new-file")));
        Assert.Equal("log\n", await File.ReadAllTextAsync(Path.Combine(root, "var/log/messages")));
        Assert.Equal("/bin/busybox", new FileInfo(Path.Combine(root, "bin/sh")).LinkTarget);
        Assert.True(await Pool.HasVolumeSnapshotAsync("ct-1-rootfs", "s1", CancellationToken.None), "a revert keeps the snapshot");
    }

    [Fact]
    public async Task ARevertInterruptedBetweenItsRenamesIsFinished()
    {
        var root = await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(root, "etc/hostname"), "changed\n");
        // Where a crash after the first rename leaves the volume: only under the "replaced" name.
        Directory.Move(root, Path.Combine(Snapshots("ct-1-rootfs"), ".replaced"));

        await Pool.RevertVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);

        Assert.Equal("box\n", await File.ReadAllTextAsync(Path.Combine(root, "etc/hostname")));
        Assert.False(Directory.Exists(Path.Combine(Snapshots("ct-1-rootfs"), ".replaced")));
    }

    [Fact]
    public async Task SnapshotNamesAreCheckedAndNeverTakenTwice()
    {
        await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);

        var twice = await Assert.ThrowsAsync<ConflictException>(() => Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None));
        Assert.Equal("The volume ct-1-rootfs already has a snapshot 's1'.", twice.Message);
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Pool.RevertVolumeAsync("ct-1-rootfs", "s9", CancellationToken.None));
        Assert.Equal("The volume ct-1-rootfs has no snapshot 's9'.", missing.Message);
        var invalid = await Assert.ThrowsAsync<BadRequestException>(() => Pool.SnapshotVolumeAsync("ct-1-rootfs", ".replaced", CancellationToken.None));
        Assert.Equal("Invalid snapshot name '.replaced'.", invalid.Message);
    }

    [Fact]
    public async Task ClonesAreIndependentCopiesAsTheVolumeIsOrAtASnapshot()
    {
        var root = await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(root, "etc/hostname"), "later\n");

        await Pool.CloneVolumeAsync("ct-1-rootfs", "ct-2-rootfs", linked: false, "s1", CancellationToken.None);
        await Pool.CloneVolumeAsync("ct-1-rootfs", "ct-3-rootfs", linked: true, null, CancellationToken.None);

        Assert.Equal("box\n", await File.ReadAllTextAsync(Path.Combine(Pool.VolumePath("ct-2-rootfs"), "etc/hostname")));
        Assert.Equal("later\n", await File.ReadAllTextAsync(Path.Combine(Pool.VolumePath("ct-3-rootfs"), "etc/hostname")));
        Assert.Equal("/bin/busybox", new FileInfo(Path.Combine(Pool.VolumePath("ct-2-rootfs"), "bin/sh")).LinkTarget);
        await File.WriteAllTextAsync(Path.Combine(Pool.VolumePath("ct-3-rootfs"), "etc/hostname"), "clone\n");
        Assert.Equal("later\n", await File.ReadAllTextAsync(Path.Combine(root, "etc/hostname")));
        Assert.False(await Pool.HasVolumeSnapshotAsync("ct-2-rootfs", "s1", CancellationToken.None), "a clone starts without snapshots");

        var taken = await Assert.ThrowsAsync<ConflictException>(() => Pool.CloneVolumeAsync("ct-1-rootfs", "ct-2-rootfs", false, null, CancellationToken.None));
        Assert.Equal($"The volume {Pool.VolumePath("ct-2-rootfs")} already exists; refusing to overwrite it.", taken.Message);
    }

    [Fact]
    public async Task DeletesTakeTheSnapshotsWithThemAndMayRunAgain()
    {
        await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s2", CancellationToken.None);

        await Pool.DeleteVolumeSnapshotAsync("ct-1-rootfs", "s1", CancellationToken.None);
        await Pool.DeleteVolumeSnapshotAsync("ct-1-rootfs", "s1", CancellationToken.None);
        Assert.False(await Pool.HasVolumeSnapshotAsync("ct-1-rootfs", "s1", CancellationToken.None));
        Assert.True(await Pool.HasVolumeSnapshotAsync("ct-1-rootfs", "s2", CancellationToken.None));

        await Pool.DeleteVolumeAsync("ct-1-rootfs", CancellationToken.None);
        Assert.False(Directory.Exists(Pool.VolumePath("ct-1-rootfs")));
        Assert.False(Directory.Exists(Snapshots("ct-1-rootfs")));
        await Pool.DeleteVolumeAsync("ct-1-rootfs", CancellationToken.None);
        await Pool.DeleteVolumeAsync("never-made", CancellationToken.None);
        await Pool.DeleteVolumeSnapshotAsync("never-made", "s1", CancellationToken.None);
    }

    [Fact]
    public async Task ADirectoryVolumeIsNeverMadeOverAnother()
    {
        await RootfsAsync("ct-1-rootfs");
        var error = await Assert.ThrowsAsync<ConflictException>(() => Pool.CreateDirectoryVolumeAsync("ct-1-rootfs", CancellationToken.None));
        Assert.Equal($"The volume {Pool.VolumePath("ct-1-rootfs")} already exists; refusing to overwrite it.", error.Message);
    }

    /// <summary>A small root filesystem: a file, a nested directory and a symlink, as a template leaves them.</summary>
    protected async Task<string> RootfsAsync(string volume)
    {
        var root = await Pool.CreateDirectoryVolumeAsync(volume, CancellationToken.None);
        Assert.Equal(Pool.VolumePath(volume), root);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var/log"));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        await File.WriteAllTextAsync(Path.Combine(root, "etc/hostname"), "box\n");
        await File.WriteAllTextAsync(Path.Combine(root, "var/log/messages"), "log\n");
        File.CreateSymbolicLink(Path.Combine(root, "bin/sh"), "/bin/busybox");
        return root;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            _host.Dispose();
    }
}
