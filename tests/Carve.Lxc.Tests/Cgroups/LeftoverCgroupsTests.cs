using Carve.Lxc.Cgroups;

namespace Carve.Lxc.Tests.Cgroups;

public sealed class LeftoverCgroupsTests
{
    [Theory]
    [InlineData("lxc.payload.web")]
    [InlineData("lxc.monitor.web")]
    [InlineData("lxc.payload.web-1")]
    [InlineData("lxc.monitor.web-12")]
    public void The_containers_own_groups_match(string group) => Assert.True(LeftoverCgroups.IsGroupOf(group, "web"));

    [Theory]
    [InlineData("lxc.payload.webserver")]
    [InlineData("lxc.payload.we")]
    [InlineData("lxc.payload.web-")]
    [InlineData("lxc.payload.web-1a")]
    [InlineData("lxc.payload.web.1")]
    [InlineData("lxc.pivot.web")]
    [InlineData("lxc.payload.web\n")]
    [InlineData("xlxc.payload.web")]
    [InlineData("web")]
    public void Other_groups_do_not(string group) => Assert.False(LeftoverCgroups.IsGroupOf(group, "web"));

    [Fact]
    public void The_name_is_literal_text_not_a_pattern() => Assert.False(LeftoverCgroups.IsGroupOf("lxc.payload.aXb", "a.b"));
}
