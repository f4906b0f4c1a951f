using Carve.Core.Tests.Support;
using Carve.Host.Net;
using Carve.Host.Processes;

namespace Carve.Core.Tests.Host;

/// <summary>What LinkCommands reads from /sys/class/net, against a fixture tree shaped like the kernel's.</summary>
public sealed class LinkCommandsSysfsTests : IDisposable
{
    private readonly TempDir _sys = new();
    private readonly LinkCommands _links;

    public LinkCommandsSysfsTests()
    {
        _sys.Write("vmbr0/bridge/vlan_filtering", "1\n");
        _sys.Write("lab/bridge/vlan_filtering", "0\n");
        _sys.Write("eth0/carrier", "1\n");
        File.CreateSymbolicLink(_sys.Sub("eth0", "master"), "../vmbr0");
        _sys.Write("tap100i0/carrier", "1\n");
        _sys.Write("tap101i0/carrier", "0\n");
        _links = new LinkCommands(new ProcessRunner(), _sys.Path);
    }

    public void Dispose() => _sys.Dispose();

    [Fact]
    public void Bridges_ports_and_masters()
    {
        Assert.True(_links.IsBridge("vmbr0"));
        Assert.False(_links.IsBridge("eth0"));
        Assert.True(_links.IsBridgeSafe("lab"));
        Assert.False(_links.IsBridgeSafe("gone0"));
        Assert.Equal("vmbr0", _links.MasterOf("eth0"));
        Assert.Null(_links.MasterOf("tap100i0"));
    }

    [Fact]
    public void Vlan_filtering_is_read_per_bridge()
    {
        Assert.True(_links.VlanFiltering("vmbr0"));
        Assert.False(_links.VlanFiltering("lab"));
        Assert.False(_links.VlanFiltering("eth0"));
    }

    [Fact]
    public void Only_a_tap_held_open_has_carrier()
    {
        Assert.True(_links.HasCarrier("tap100i0"));
        Assert.False(_links.HasCarrier("tap101i0"));
        Assert.False(_links.HasCarrier("tap102i0"));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("sixteen-chars-xx")]
    [InlineData("")]
    [InlineData("..")]
    public void Names_that_could_leave_the_tree_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => _links.Exists(name));
}
