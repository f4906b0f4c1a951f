using Carve.Lxc.HostSetup;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.HostSetup;

public sealed class SubordinateIdsTests
{
    [Theory]
    [InlineData("root:100000:65536\n", true)]
    [InlineData("root:100000:1000000\n", true)]
    [InlineData("alice:100000:65536\nroot:165536:65536\n", false)]
    [InlineData("0:100000:65536", true)]
    [InlineData("root:100001:65536\n", false)]
    [InlineData("", false)]
    public void A_range_is_covered_only_by_a_root_entry_spanning_it(string content, bool covered) =>
        Assert.Equal(covered, SubordinateIds.Covers(content, 100000, 65536));

    [Fact]
    public void Missing_ranges_are_appended_once()
    {
        using var dir = new TempDirectory("carve-sub");
        File.WriteAllText(dir.Sub("subuid"), "alice:165536:65536");
        var ids = new SubordinateIds(dir.Sub("subuid"), dir.Sub("subgid"));
        Assert.Equal(2, ids.EnsureDelegated(100000, 65536, onlyWithShadowTools: false).Count);
        Assert.Empty(ids.EnsureDelegated(100000, 65536, onlyWithShadowTools: false));
        Assert.Equal("alice:165536:65536\nroot:100000:65536\n", File.ReadAllText(dir.Sub("subuid")));
        Assert.Equal("root:100000:65536\n", File.ReadAllText(dir.Sub("subgid")));
    }

    [Fact]
    public void Ancestors_run_from_the_root_down_to_the_parent() =>
        Assert.Equal(["/", "/var", "/var/lib", "/var/lib/carve"], TraversalAccess.Ancestors("/var/lib/carve/rootfs"));
}
