using Carve.Core.Configuration;

namespace Carve.Core.Tests.ConfigFiles;

/// <summary>The daemon's JSON config file: comments allowed, typos and wrong values refused with the key named.</summary>
public sealed class ConfigFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("carve-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CarveOptions Load(string json)
    {
        var path = Path.Combine(_dir, "carved.json");
        File.WriteAllText(path, json);
        return ConfigFileLoader.Load(path);
    }

    private string Refused(string json) => Assert.Throws<InvalidDataException>(() => Load(json)).Message;

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var options = Load("""
            {
              // the ISOs live on the NAS
              "imageRoots": ["/srv/isos"], /* two pools */
              "pools": [
                {"name": "local", "type": "dir", "path": "/var/lib/carve/pools/local"},
                {"name": "fast", "type": "btrfs", "path": "/mnt/fast"},
              ],
              "shutdownTimeoutSeconds": 30,
              "reserved": {"memory": "2GiB", "cpus": [0]},
              "hardware": {"hostRoot": "/"},
            }
            """);
        Assert.Equal(["/srv/isos"], options.ImageRoots);
        Assert.Equal(["local", "fast"], options.Pools.Select(p => p.Name));
        Assert.Equal("btrfs", options.Pools[1].Type);
        Assert.Equal(30, options.ShutdownTimeoutSeconds);
        Assert.Equal("2GiB", options.Reserved.Memory);
        Assert.Equal([0], options.Reserved.Cpus);
    }

    [Fact]
    public void Keys_left_out_keep_their_defaults()
    {
        var options = Load("{}");
        Assert.Empty(options.Pools);
        Assert.Equal(("/var/lib/carve", "0.0.0.0:8006", 60), (options.DataDir, options.Listen, options.ShutdownTimeoutSeconds));
        Assert.Equal(("0", "/"), (options.Reserved.Memory, options.Hardware.HostRoot));
    }

    [Theory]
    [InlineData("""{"shutdownTimeout": 30}""", "shutdownTimeout")]
    [InlineData("""{"reserved": {"memory": "1G", "cores": [0]}}""", "cores")]
    [InlineData("""{"pools": [{"name": "a", "path": "/a", "kind": "dir"}]}""", "kind")]
    [InlineData("""{"hardware": {"sysRoot": "/"}}""", "sysRoot")]
    public void An_unknown_key_is_refused_by_name(string json, string key)
    {
        var message = Refused(json);
        Assert.Contains("carved.json is not valid", message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"shutdownTimeoutSeconds": "soon"}""", "shutdownTimeoutSeconds")]
    [InlineData("""{"reserved": {"cpus": "0-1"}}""", "cpus")]
    [InlineData("""{"pools": null}""", "pools")]
    [InlineData("""{"qemuBinary": null}""", "qemuBinary")]
    [InlineData("""{"pools": [{"name": "a"}]}""", "path")]
    public void A_value_of_the_wrong_shape_is_refused_naming_its_key(string json, string key) =>
        Assert.Contains(key, Refused(json), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("pools: []")]
    public void Something_that_is_not_a_json_object_is_refused(string json) =>
        Assert.Contains("carved.json is not valid", Refused(json), StringComparison.Ordinal);

    [Fact]
    public void A_json_null_is_an_empty_config_file() =>
        Assert.Contains("is empty", Refused("null"), StringComparison.Ordinal);

    [Fact]
    public void A_file_that_cannot_be_read_is_refused_with_its_path()
    {
        var missing = Path.Combine(_dir, "missing.json");
        Assert.Contains($"{missing} cannot be read", Assert.Throws<InvalidDataException>(() => ConfigFileLoader.Load(missing)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", Assert.Throws<InvalidDataException>(() => ConfigFileLoader.Load(_dir)).Message, StringComparison.Ordinal);
    }
}
