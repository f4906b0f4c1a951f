using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class MountSpecParserTests
{
    [Fact]
    public void Host_and_guest_make_a_writable_mount()
    {
        var mount = MountSpecParser.Parse("/tank/media:/media");
        Assert.Equal(("/tank/media", "/media", false), (mount.Host, mount.Guest, mount.ReadOnly));
    }

    [Fact]
    public void Ro_makes_it_read_only()
    {
        var mount = MountSpecParser.Parse("/srv/data/:/data:ro");
        Assert.Equal(("/srv/data", "/data", true), (mount.Host, mount.Guest, mount.ReadOnly));
    }

    [Theory]
    [InlineData("/tank/media", "use HOST:GUEST or HOST:GUEST:ro")]
    [InlineData("/a:/b:ro:x", "use HOST:GUEST or HOST:GUEST:ro")]
    [InlineData("/a:/b:rw", "'rw' is not 'ro'")]
    [InlineData("/a:/b:", "'' is not 'ro'")]
    [InlineData("media:/media", "the host path 'media' must be absolute")]
    [InlineData("/tank/media:media", "the container path 'media' must be absolute")]
    [InlineData(":/media", "the host path '' must be absolute")]
    [InlineData("/tank/../etc:/media", "must not contain '..'")]
    [InlineData("", "use HOST:GUEST")]
    public void Malformed_specs_are_usage_errors(string spec, string expected)
    {
        var error = Assert.Throws<UsageException>(() => MountSpecParser.Parse(spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_mount_option_is_an_empty_list_and_several_keep_their_order()
    {
        Assert.Empty(MountSpecParser.ParseAll(null));
        var mounts = MountSpecParser.ParseAll(["/a:/x", "/b:/y:ro"]);
        Assert.Equal(["/x", "/y"], mounts.Select(m => m.Guest));
    }

    [Fact]
    public void The_same_container_path_twice_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => MountSpecParser.ParseAll(["/a:/x", "/b:/x/"]));
    }
}
