using Carve.Core.Errors;
using Carve.Core.Tests.Support;
using Carve.Core.Validation;

namespace Carve.Core.Tests.Validation;

public sealed class PathGuardTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly string _root;
    private readonly PathGuard _guard;

    public PathGuardTests()
    {
        _root = _tmp.Sub("images");
        Directory.CreateDirectory(_root);
        _guard = new PathGuard([_root]);
    }

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_file_inside_the_root_is_returned_as_its_real_path()
    {
        var iso = _tmp.Write("images/debian.iso");
        Assert.Equal(iso, _guard.ConfineExistingFile("CD-ROM image", iso));
    }

    [Fact]
    public void A_file_in_a_subdirectory_of_the_root_is_accepted()
    {
        var kernel = _tmp.Write("images/boot/vmlinuz");
        Assert.Equal(kernel, _guard.ConfineExistingFile("kernel", kernel));
    }

    [Fact]
    public void A_comma_in_a_file_name_is_allowed()
    {
        var odd = _tmp.Write("images/a,b");
        Assert.Equal(odd, _guard.ConfineExistingFile("kernel", odd));
    }

    [Fact]
    public void A_file_outside_every_root_is_refused()
    {
        var outside = _tmp.Write("elsewhere/secret");
        var e = Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", outside));
        Assert.Contains("outside the allowed image directories", e.Message);
    }

    [Fact]
    public void A_system_file_is_refused() =>
        Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", "/etc/passwd"));

    [Fact]
    public void A_sibling_directory_sharing_the_roots_prefix_is_outside()
    {
        // "/x/images2/f" starts with the string "/x/images" but is not below it.
        var sibling = _tmp.Write("images2/f");
        Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", sibling));
    }

    [Fact]
    public void Dot_dot_that_climbs_out_of_the_root_is_refused()
    {
        _tmp.Write("elsewhere/secret");
        var escaping = Path.Combine(_root, "..", "elsewhere", "secret");
        Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", escaping));
    }

    [Fact]
    public void Dot_dot_that_stays_inside_the_root_is_resolved()
    {
        var file = _tmp.Write("images/f");
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        Assert.Equal(file, _guard.ConfineExistingFile("kernel", Path.Combine(_root, "sub", "..", "f")));
    }

    [Fact]
    public void A_symlink_inside_the_root_pointing_outside_is_refused()
    {
        var outside = _tmp.Write("elsewhere/secret");
        var link = Path.Combine(_root, "innocent.iso");
        File.CreateSymbolicLink(link, outside);
        var e = Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("CD-ROM image", link));
        Assert.Contains("outside", e.Message);
    }

    [Fact]
    public void A_symlinked_directory_inside_the_root_pointing_outside_is_refused()
    {
        _tmp.Write("elsewhere/secret");
        Directory.CreateSymbolicLink(Path.Combine(_root, "dir"), _tmp.Sub("elsewhere"));
        Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", Path.Combine(_root, "dir", "secret")));
    }

    [Fact]
    public void A_symlink_inside_the_root_pointing_inside_is_accepted_as_its_target()
    {
        var target = _tmp.Write("images/real.iso");
        var link = Path.Combine(_root, "alias.iso");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(target, _guard.ConfineExistingFile("CD-ROM image", link));
    }

    [Fact]
    public void A_nonexistent_file_is_refused()
    {
        var e = Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", Path.Combine(_root, "missing")));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void A_directory_is_not_a_regular_file()
    {
        Directory.CreateDirectory(Path.Combine(_root, "isos"));
        var e = Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("CD-ROM image", Path.Combine(_root, "isos")));
        Assert.Contains("not a regular file", e.Message);
    }

    [Fact]
    public void The_root_itself_is_not_a_file_below_it() =>
        Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", _root));

    [Theory]
    [InlineData("images/debian.iso")]
    [InlineData("./debian.iso")]
    public void A_relative_path_is_refused(string relative)
    {
        _tmp.Write("images/debian.iso");
        var e = Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("CD-ROM image", relative));
        Assert.Contains("must be absolute", e.Message);
    }

    [Fact]
    public void A_newline_in_the_path_is_refused_even_when_such_a_file_exists()
    {
        var odd = _tmp.Write("images/a\nb");
        var e = Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", odd));
        Assert.Contains("control characters", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_path_is_refused(string? path) =>
        Assert.Throws<BadRequestException>(() => _guard.ConfineExistingFile("kernel", path));

    [Fact]
    public void A_root_that_does_not_exist_allows_nothing()
    {
        var guard = new PathGuard([_tmp.Sub("nowhere")]);
        var file = _tmp.Write("nowhere-file");
        Assert.Throws<BadRequestException>(() => guard.ConfineExistingFile("kernel", file));
    }

    [Fact]
    public void Any_of_several_roots_will_do()
    {
        var other = _tmp.Sub("isos");
        Directory.CreateDirectory(other);
        var iso = _tmp.Write("isos/x.iso");
        Assert.Equal(iso, new PathGuard([_root, other]).ConfineExistingFile("CD-ROM image", iso));
    }
}
