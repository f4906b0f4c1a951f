using System.Formats.Tar;
using System.IO.Compression;
using Carve.Host.Processes;
using Carve.Lxc.Native;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Rootfs;

public sealed class TarballExtractorTests : IDisposable
{
    private readonly TempDirectory _dir = new("carve-tar");

    public void Dispose() => _dir.Dispose();

    private static TarBuilder Rootfs() => new TarBuilder()
        .Dir("./")
        .Dir("./etc/")
        .File("./etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
        .Dir("usr/bin/")
        .File("usr/bin/su", "binary", mode: (UnixFileMode)0x9ED /* 04755 */)
        .HardLink("usr/bin/su-again", "usr/bin/su")
        .Symlink("bin", "usr/bin")
        .Symlink("etc/mtab", "/proc/self/mounts")
        .Dir("home/user/", uid: 1000)
        .File("home/user/notes", "mine", uid: 1000)
        .Entry(TarEntryType.Fifo, "run-fifo")
        .Entry(TarEntryType.CharacterDevice, "dev-null");

    private string NewRoot()
    {
        var root = _dir.Sub("root-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(root);
        return root;
    }

    [Fact]
    public async Task A_rootfs_unpacks_with_ids_shifted_links_kept_and_devices_skipped()
    {
        var root = NewRoot();
        var result = await TarballExtractor.ExtractAsync(Rootfs().Build(), root, new IdMapping(100000, 65536), 1 << 30, CancellationToken.None);

        Assert.Equal(1, result.SkippedDevices);
        Assert.Equal(100000, Libc.LStat(root)!.Uid);
        Assert.Equal(100000, Libc.LStat(Path.Combine(root, "etc/passwd"))!.Uid);
        Assert.Equal(101000, Libc.LStat(Path.Combine(root, "home/user/notes"))!.Uid);
        Assert.Equal(101000, Libc.LStat(Path.Combine(root, "home/user"))!.Gid);
        var su = Libc.LStat(Path.Combine(root, "usr/bin/su"))!;
        Assert.Equal(0x9EDu, su.Mode & 0xFFF);
        Assert.Equal(su.Inode, Libc.LStat(Path.Combine(root, "usr/bin/su-again"))!.Inode);
        Assert.Equal("usr/bin", new FileInfo(Path.Combine(root, "bin")).LinkTarget);
        Assert.Equal("/proc/self/mounts", new FileInfo(Path.Combine(root, "etc/mtab")).LinkTarget);
        Assert.Equal(100000, Libc.LStat(Path.Combine(root, "etc/mtab"))!.Uid);
        Assert.False(File.Exists(Path.Combine(root, "dev-null")));
        Assert.Equal(0x1000u, Libc.LStat(Path.Combine(root, "run-fifo"))!.Mode & 0xF000);
    }

    [Fact]
    public async Task Privileged_extraction_keeps_the_archive_ids()
    {
        var root = NewRoot();
        await TarballExtractor.ExtractAsync(Rootfs().Build(), root, mapping: null, 1 << 30, CancellationToken.None);
        Assert.Equal(0, Libc.LStat(Path.Combine(root, "etc/passwd"))!.Uid);
        Assert.Equal(1000, Libc.LStat(Path.Combine(root, "home/user/notes"))!.Uid);
    }

    [Fact]
    public async Task Gzip_is_told_from_the_content()
    {
        var path = _dir.Sub("rootfs.tar.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            await Rootfs().Build().CopyToAsync(gzip);
        Assert.Equal(TarballCompression.Gzip, TarballFormat.Sniff(path));
        var root = NewRoot();
        await TarballExtractor.ExtractFileAsync(path, root, null, 1 << 30, CancellationToken.None);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(root, "home/user/notes")));
    }

    [Theory]
    [InlineData("xz", TarballCompression.Xz)]
    [InlineData("zstd", TarballCompression.Zstd)]
    public async Task Xz_and_zstd_go_through_their_tools(string tool, TarballCompression expected)
    {
        if (ExecutableLookup.Find(tool) is null)
            return;
        var tar = _dir.Sub("rootfs.tar");
        Rootfs().WriteTo(tar);
        var compress = await new ProcessRunner().RunAsync(new ProcessSpec(tool, ["-z", "-q", "--", tar]), CancellationToken.None);
        Assert.True(compress.Succeeded, compress.Stderr);
        var compressed = tar + (tool == "xz" ? ".xz" : ".zst");
        Assert.Equal(expected, TarballFormat.Sniff(compressed));
        var root = NewRoot();
        var result = await TarballExtractor.ExtractFileAsync(compressed, root, new IdMapping(100000, 65536), 1 << 30, CancellationToken.None);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(root, "home/user/notes")));
        Assert.True(result.Entries > 5);
    }

    [Fact]
    public async Task Garbage_is_not_a_tar_file()
    {
        var path = _dir.Sub("garbage.tar.xz");
        await File.WriteAllBytesAsync(path, [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0, 1, 2, 3, 4]);
        if (ExecutableLookup.Find("xz") is null)
            return;
        await Assert.ThrowsAsync<Carve.Core.Errors.BadRequestException>(() =>
            TarballExtractor.ExtractFileAsync(path, NewRoot(), null, 1 << 30, CancellationToken.None));
    }
}
