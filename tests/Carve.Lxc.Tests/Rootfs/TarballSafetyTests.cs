using Carve.Core.Errors;
using Carve.Lxc.Native;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Rootfs;

/// <summary>
/// Hostile archives. Escapes aim at a directory beside the target (never at the real /etc), so that a broken
/// extractor fails the test instead of damaging the host.
/// </summary>
public sealed class TarballSafetyTests : IDisposable
{
    private readonly TempDirectory _dir = new("carve-tar");
    private readonly string _root;
    private readonly string _outside;

    public TarballSafetyTests()
    {
        _root = _dir.Sub("root");
        _outside = _dir.Sub("outside");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret"), "host secret");
    }

    public void Dispose() => _dir.Dispose();

    private Task<ExtractResult> Extract(TarBuilder tar, long maxBytes = 1 << 30) =>
        TarballExtractor.ExtractAsync(tar.Build(), _root, new IdMapping(100000, 65536), maxBytes, CancellationToken.None);

    private async Task AssertRefusedAsync(TarBuilder tar, string why)
    {
        var e = await Assert.ThrowsAsync<BadRequestException>(() => Extract(tar));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        AssertOutsideUntouched();
    }

    private void AssertOutsideUntouched()
    {
        Assert.Equal(["outside", "root"], Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["secret"], Directory.EnumerateFileSystemEntries(_outside).Select(Path.GetFileName));
        Assert.Equal("host secret", File.ReadAllText(Path.Combine(_outside, "secret")));
        Assert.Equal(1u, Libc.LStat(Path.Combine(_outside, "secret"))!.Links);
    }

    [Fact]
    public Task Dot_dot_is_refused() =>
        AssertRefusedAsync(new TarBuilder().File("../evil", "x"), "contains '..'");

    [Fact]
    public Task Dot_dot_in_the_middle_is_refused() =>
        AssertRefusedAsync(new TarBuilder().Dir("etc/").File("etc/../../outside/evil", "x"), "contains '..'");

    [Fact]
    public Task An_absolute_name_is_refused() =>
        AssertRefusedAsync(new TarBuilder().File(Path.Combine(_outside, "evil"), "x"), "is an absolute path");

    [Fact]
    public Task Writing_through_a_symlink_to_the_root_is_refused() =>
        // link -> / is a normal entry; writing link/<path to outside>/evil must not follow it.
        AssertRefusedAsync(new TarBuilder().Symlink("link", "/").File("link" + _outside + "/evil", "x"), "goes through the symlink link");

    [Fact]
    public Task Writing_through_a_symlink_in_a_deeper_parent_is_refused() =>
        AssertRefusedAsync(new TarBuilder().Dir("etc/").Symlink("etc/ssl", _outside).File("etc/ssl/evil", "x"), "goes through the symlink etc/ssl");

    [Fact]
    public Task A_hard_link_out_of_the_tree_is_refused() =>
        AssertRefusedAsync(new TarBuilder().HardLink("stolen", "../outside/secret"), "contains '..'");

    [Fact]
    public Task A_hard_link_through_a_symlink_is_refused() =>
        AssertRefusedAsync(new TarBuilder().Symlink("link", "/").HardLink("stolen", "link" + _outside + "/secret"), "not a directory");

    [Fact]
    public Task A_hard_link_to_an_absolute_path_is_refused() =>
        AssertRefusedAsync(new TarBuilder().HardLink("stolen", Path.Combine(_outside, "secret")), "is an absolute path");

    [Fact]
    public Task A_relative_symlink_leaving_the_tree_is_refused() =>
        AssertRefusedAsync(new TarBuilder().Dir("a/").Symlink("a/up", "../../outside"), "leaves the root file system");

    [Fact]
    public Task A_file_over_an_existing_directory_is_refused() =>
        AssertRefusedAsync(new TarBuilder().Dir("etc/").File("etc", "x"), "would replace a directory");

    [Fact]
    public async Task The_size_cap_is_enforced()
    {
        var e = await Assert.ThrowsAsync<BadRequestException>(() => Extract(new TarBuilder().File("big", new string('x', 20000)), maxBytes: 8192));
        Assert.Contains("past the limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_entry_replaces_a_symlink_instead_of_following_it()
    {
        await Extract(new TarBuilder().Symlink("lib", _outside).Dir("lib/").File("lib/x", "inside"));
        Assert.True(Libc.LStat(Path.Combine(_root, "lib"))!.IsDirectory);
        Assert.Equal("inside", File.ReadAllText(Path.Combine(_root, "lib/x")));
        AssertOutsideUntouched();
    }

    [Fact]
    public async Task A_file_entry_replaces_a_symlink_instead_of_writing_through_it()
    {
        await Extract(new TarBuilder().Symlink("passwd", Path.Combine(_outside, "secret")).File("passwd", "root:x:0:0"));
        Assert.True(Libc.LStat(Path.Combine(_root, "passwd"))!.IsRegularFile);
        AssertOutsideUntouched();
    }
}
