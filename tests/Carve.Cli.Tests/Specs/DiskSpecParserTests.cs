using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class DiskSpecParserTests
{
    private const string Cwd = "/home/me/work";

    [Theory]
    [InlineData("size=8G", "8G")]
    [InlineData("size=512M", "512M")]
    [InlineData("size=1t", "1t")]
    [InlineData("size=8GiB", "8GiB")]
    [InlineData("size=1048576", "1048576")]
    public void Size_is_kept_as_given(string spec, string size)
    {
        var disk = DiskSpecParser.Parse(spec, Cwd);
        Assert.Equal(size, disk.Size);
        Assert.Null(disk.Import);
        Assert.Null(disk.Pool);
    }

    [Fact]
    public void Import_path_is_made_absolute_against_the_working_directory()
    {
        var disk = DiskSpecParser.Parse("import=images/base.qcow2,pool=fast", Cwd);
        Assert.Equal("/home/me/work/images/base.qcow2", disk.Import);
        Assert.Equal("fast", disk.Pool);
        Assert.Null(disk.Size);
    }

    [Fact]
    public void Absolute_import_path_is_normalised_but_kept()
    {
        Assert.Equal("/srv/img/a.raw", DiskSpecParser.Parse("import=/srv/img/../img/a.raw", Cwd).Import);
    }

    [Fact]
    public void Pool_goes_with_size_too()
    {
        var disk = DiskSpecParser.Parse("size=8G,pool=local", Cwd);
        Assert.Equal(("8G", "local"), (disk.Size, disk.Pool));
    }

    [Theory]
    [InlineData("", "needs a value")]
    [InlineData("8G", "'8G' is not key=value")]
    [InlineData("=8G", "is not key=value")]
    [InlineData("bogus=1", "unknown key 'bogus'")]
    [InlineData("Size=8G", "unknown key 'Size'")]
    [InlineData("size=8G,size=9G", "'size' is given twice")]
    [InlineData("size=", "'size' has an empty value")]
    [InlineData("size=8G,", "is not key=value")]
    [InlineData("pool=local", "exactly one of size=SIZE or import=PATH")]
    [InlineData("size=8G,import=/a.img", "exactly one of size=SIZE or import=PATH")]
    [InlineData("size=8X", "is not a size like 8G")]
    [InlineData("size=-1G", "is not a size like 8G")]
    [InlineData("size=1.5G", "is not a size like 8G")]
    public void Malformed_specs_are_usage_errors(string spec, string expected)
    {
        var error = Assert.Throws<UsageException>(() => DiskSpecParser.Parse(spec, Cwd));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
    }
}
