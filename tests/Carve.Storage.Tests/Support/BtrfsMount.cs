namespace Carve.Storage.Tests.Support;

/// <summary>
/// A btrfs filesystem of its own: an image file made with mkfs.btrfs and loop-mounted under /tmp (root only, as
/// on CI), shared by the tests of one class and unmounted after them. Each test puts its pool in a directory of it.
/// </summary>
public sealed class BtrfsMount : IAsyncLifetime
{
    private readonly string _root = System.IO.Path.Combine("/tmp", $"carve-btrfs-{Guid.NewGuid():N}"[..20]);

    public string Path => System.IO.Path.Combine(_root, "mnt");

    public string NewPoolPath() => System.IO.Path.Combine(Path, Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path);
        var image = System.IO.Path.Combine(_root, "btrfs.img");
        await Tools.RunAsync("truncate", "-s", "256M", image);
        await Tools.RunAsync("mkfs.btrfs", "-q", image);
        await Tools.RunAsync("mount", "-o", "loop", image, Path);
    }

    public async Task DisposeAsync()
    {
        // mount -o loop set the loop device to free itself on umount.
        await Tools.TryAsync("umount", Path);
        Directory.Delete(_root, recursive: true);
    }
}
