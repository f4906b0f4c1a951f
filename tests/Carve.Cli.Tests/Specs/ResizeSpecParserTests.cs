using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class ResizeSpecParserTests
{
    [Theory]
    [InlineData("disk0=10G", "disk0", "10G")]
    [InlineData("disk1=+2G", "disk1", "+2G")]
    [InlineData("disk0=+512M", "disk0", "+512M")]
    public void Parses_new_size_or_growth(string spec, string disk, string size)
    {
        var resize = ResizeSpecParser.Parse(spec);
        Assert.Equal((disk, size), (resize.Disk, resize.Size));
    }

    [Theory]
    [InlineData("disk0", "use DISK=SIZE")]
    [InlineData("=10G", "use DISK=SIZE")]
    [InlineData("disk0=", "use DISK=SIZE")]
    [InlineData("disk0=1=2", "use DISK=SIZE")]
    [InlineData("disk0=-2G", "is not a size like 10G or +2G")]
    [InlineData("disk0=ten", "is not a size like 10G or +2G")]
    [InlineData("disk0=++2G", "is not a size like 10G or +2G")]
    [InlineData("disk 0=2G", "is not a disk name")]
    public void Malformed_specs_are_usage_errors(string spec, string expected)
    {
        var error = Assert.Throws<UsageException>(() => ResizeSpecParser.Parse(spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_disk_twice_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => ResizeSpecParser.ParseAll(["disk0=10G", "disk0=+1G"]));
    }

    [Fact]
    public void No_resize_is_null_so_the_field_is_left_out()
    {
        Assert.Null(ResizeSpecParser.ParseAll(null));
        Assert.Null(ResizeSpecParser.ParseAll([]));
    }
}
