using Carve.Core.Errors;
using Carve.Lxc.Config;

namespace Carve.Lxc.Tests.Config;

public sealed class LxcConfigBuilderTests
{
    private static LxcConfigSpec Spec(params LxcBindMount[] mounts) => new()
    {
        Name = "ct-100", Hostname = "box", RootfsPath = "/pool/ct-100", MemoryLimitBytes = 64L << 20,
        ConsoleLogPath = "/logs/console.log", LogPath = "/logs/lxc.log", Mounts = mounts,
    };

    [Fact]
    public void Spaces_and_backslashes_in_mount_paths_are_escaped_as_fstab_does()
    {
        var text = LxcConfigBuilder.Build(Spec(new LxcBindMount("/data/a b\\c", "/srv/x y", ReadOnly: false)));
        Assert.Contains("lxc.mount.entry = /data/a\\040b\\134c srv/x\\040y none bind,create=dir 0 0\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/evil\nlxc.apparmor.profile = unconfined")]
    [InlineData("/data/tab\there")]
    [InlineData("/data/bell\a")]
    public void Control_characters_in_a_mount_source_are_refused(string host)
    {
        var e = Assert.Throws<BadRequestException>(() => LxcConfigBuilder.Build(Spec(new LxcBindMount(host, "/srv", false))));
        Assert.Contains("control character", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("srv/media", "absolute")]
    [InlineData("/srv/../etc", "'..'")]
    [InlineData("/", "root directory")]
    [InlineData("/./", "root directory")]
    public void Guest_paths_must_be_absolute_without_dot_dot(string guest, string why)
    {
        var e = Assert.Throws<BadRequestException>(() => LxcConfigBuilder.Build(Spec(new LxcBindMount("/data", guest, false))));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guest_paths_are_written_relative_to_the_rootfs() =>
        Assert.Equal("srv/media", GuestMountPath.Relative("//srv/./media/"));

    [Theory]
    [InlineData("bad_name")]
    [InlineData("-dash")]
    [InlineData("new\nline")]
    public void Invalid_hostnames_are_refused(string hostname) =>
        Assert.Throws<BadRequestException>(() => LxcConfigBuilder.Build(Spec() with { Hostname = hostname }));

    [Fact]
    public void A_rootfs_path_with_a_newline_is_refused() =>
        Assert.Throws<BadRequestException>(() => LxcConfigBuilder.Build(Spec() with { RootfsPath = "/pool/x\nlxc.idmap =" }));

    [Fact]
    public void Swap_lines_only_when_the_host_accounts_swap()
    {
        Assert.DoesNotContain("memsw", LxcConfigBuilder.Build(Spec()), StringComparison.Ordinal);
        Assert.DoesNotContain("swap.max", LxcConfigBuilder.Build(Spec() with { Cgroup = CgroupVersion.V2 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_is_a_comment_blank_or_key_value()
    {
        foreach (var spec in GoldenCases.All.Values)
            foreach (var line in LxcConfigBuilder.Build(spec).Split('\n'))
                Assert.True(line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("lxc.", StringComparison.Ordinal) && line.Contains(" = ", StringComparison.Ordinal), line);
    }
}
