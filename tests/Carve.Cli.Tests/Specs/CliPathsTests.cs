using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class CliPathsTests
{
    [Theory]
    [InlineData("boot/vmlinuz", "/home/me", "/home/me/boot/vmlinuz")]
    [InlineData("./initrd.img", "/home/me", "/home/me/initrd.img")]
    [InlineData("../iso/debian.iso", "/home/me/vms", "/home/me/iso/debian.iso")]
    [InlineData("/abs/path.iso", "/home/me", "/abs/path.iso")]
    [InlineData("/abs/./x/../path.iso", "/home/me", "/abs/path.iso")]
    public void Relative_paths_are_resolved_against_the_cli_working_directory(string path, string cwd, string expected)
    {
        Assert.Equal(expected, CliPaths.Absolute(path, cwd));
    }

    [Fact]
    public void Tilde_is_the_home_directory()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
            return;
        Assert.Equal(Path.Join(home, "img.qcow2"), CliPaths.Absolute("~/img.qcow2", "/elsewhere"));
    }

    [Fact]
    public void Path_options()
    {
        Assert.Null(CliPaths.FromOption("--cdrom", null, "/x"));
        Assert.Equal("/x/d.iso", CliPaths.FromOption("--cdrom", "d.iso", "/x"));
        var error = Assert.Throws<UsageException>(() => CliPaths.FromOption("--cdrom", "", "/x"));
        Assert.Equal("--cdrom needs a path.", error.Message);
    }
}
