using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>Pools got by name: the default, the clear sentences for names and types nobody configured.</summary>
public sealed class StoragePoolsTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void TheFirstPoolIsTheDefaultAndNullNamesIt()
    {
        using var host = TwoPools();
        host.Pools.InitializeAll();

        Assert.Equal("local", host.Pools.Default.Name);
        Assert.True(host.Pools.Get(null).IsDefault);
        var other = host.Pools.Get("other");
        Assert.Equal(("other", "dir", _dir.File("other"), false), (other.Name, other.Type, other.Path, other.IsDefault));
        Assert.Equal(["local", "other"], host.Pools.All.Select(p => p.Name));
        Assert.True(Directory.Exists(_dir.File("other")), "InitializeAll makes every pool");

        var views = host.Pools.Describe();
        Assert.Equal([true, false], views.Select(v => v.Default));
        Assert.All(views, v => Assert.True(v.TotalBytes > 0 && v.AvailableBytes > 0));
    }

    [Fact]
    public void AnUnknownPoolNameIsABadRequest()
    {
        using var host = TwoPools();
        var error = Assert.Throws<BadRequestException>(() => host.Pools.Get("nope"));
        Assert.Equal("There is no storage pool 'nope'.", error.Message);
    }

    [Fact]
    public void APoolOfAnUnknownTypeIsABadRequest()
    {
        using var host = new PoolHost(
            new PoolOptions { Name = "local", Path = _dir.File("local") },
            new PoolOptions { Name = "tank", Type = "zfs", Path = _dir.File("tank") });

        Assert.Equal("local", host.Pools.Get("local").Name);
        var error = Assert.Throws<BadRequestException>(() => host.Pools.Get("tank"));
        Assert.Equal("Pool tank has unknown type 'zfs'.", error.Message);
        Assert.Equal(error.Message, Assert.Throws<BadRequestException>(host.Pools.InitializeAll).Message);
    }

    [Fact]
    public void VolumeNamesCannotLeaveThePool()
    {
        using var host = TwoPools();
        foreach (var name in new[] { "", "../etc", "a/b", ".snapshots" })
        {
            var error = Assert.Throws<BadRequestException>(() => host.Pools.Default.VolumePath(name));
            Assert.Equal($"Invalid volume name '{name}'.", error.Message);
        }
    }

    private PoolHost TwoPools() => new(
        new PoolOptions { Name = "local", Path = _dir.File("local") },
        new PoolOptions { Name = "other", Path = _dir.File("other") });

    public void Dispose() => _dir.Dispose();
}
