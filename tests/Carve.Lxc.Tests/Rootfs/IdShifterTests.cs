using Carve.Lxc.Native;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Rootfs;

public sealed class IdShifterTests
{
    [Fact]
    public void Owners_move_into_the_range_once_per_inode_keeping_setuid_and_never_following_links()
    {
        using var dir = new TempDirectory("carve-shift");
        var root = dir.Sub("root");
        var outside = dir.Sub("outside");
        Directory.CreateDirectory(Path.Combine(root, "usr/bin"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "host-file"), "x");
        File.WriteAllText(Path.Combine(root, "usr/bin/su"), "binary");
        Libc.Chmod(Path.Combine(root, "usr/bin/su"), 0x9ED);
        Libc.HardLink(Path.Combine(root, "usr/bin/su"), Path.Combine(root, "usr/bin/su-link"));
        File.WriteAllText(Path.Combine(root, "usr/bin/user-file"), "y");
        Libc.LChown(Path.Combine(root, "usr/bin/user-file"), 1000, 1000);
        File.CreateSymbolicLink(Path.Combine(root, "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "host-file"), Path.Combine(outside, "host-file"));

        IdShifter.Shift(root, new IdMapping(100000, 65536), CancellationToken.None);

        var su = Libc.LStat(Path.Combine(root, "usr/bin/su"))!;
        Assert.Equal(100000, su.Uid);
        Assert.Equal(0x9EDu, su.Mode & 0xFFF);
        Assert.Equal(101000, Libc.LStat(Path.Combine(root, "usr/bin/user-file"))!.Uid);
        Assert.Equal(100000, Libc.LStat(Path.Combine(root, "escape"))!.Uid);
        Assert.Equal(100000, Libc.LStat(root)!.Uid);
        // The link's targets outside the tree are untouched.
        Assert.Equal(0, Libc.LStat(outside)!.Uid);
        Assert.Equal(0, Libc.LStat(Path.Combine(outside, "host-file"))!.Uid);
    }
}
