using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>Directory volumes in a dir pool: snapshots and clones are copies (reflinked where the filesystem can).</summary>
public sealed class DirPoolTests : DirectoryVolumeContract
{
    private readonly TempDir _dir;

    public DirPoolTests()
        : this(new TempDir())
    {
    }

    private DirPoolTests(TempDir dir)
        : base("dir", Path.Combine(dir.Path, "pool")) => _dir = dir;

    [Fact]
    public async Task ASnapshotIsACompleteCopyUnderTheSnapshotsDirectory()
    {
        await RootfsAsync("ct-1-rootfs");
        await Pool.SnapshotVolumeAsync("ct-1-rootfs", "s1", CancellationToken.None);

        Assert.Equal("box\n", await File.ReadAllTextAsync(Path.Combine(Snapshots("ct-1-rootfs"), "s1", "etc/hostname")));
        Assert.False(Directory.Exists(Path.Combine(Snapshots("ct-1-rootfs"), "s1.part")), "the copy was made under a temporary name and renamed");
    }

    [Fact]
    public async Task DeletingAVolumeThatIsALinkNeverFollowsIt()
    {
        var elsewhere = Path.Combine(_dir.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        await File.WriteAllTextAsync(Path.Combine(elsewhere, "precious"), "keep");
        Directory.CreateSymbolicLink(Pool.VolumePath("ct-9-rootfs"), elsewhere);

        await Pool.DeleteVolumeAsync("ct-9-rootfs", CancellationToken.None);

        Assert.False(Path.Exists(Pool.VolumePath("ct-9-rootfs")));
        Assert.Equal("keep", await File.ReadAllTextAsync(Path.Combine(elsewhere, "precious")));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _dir.Dispose();
    }
}
