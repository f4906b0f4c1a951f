using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>A create request with well-formed JSON but values out of bounds (names, sizes, CPUs, NICs) is a 400 problem.</summary>
[Collection(BadInputCollection.Name)]
public sealed class BadVmValueTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Theory]
    [InlineData("A")]
    [InlineData("a,b")]
    [InlineData("x\ny")]
    [InlineData("-web")]
    [InlineData("1234")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_invalid_name_is_a_400(string name)
    {
        var detail = await PostRefused(System.Text.Json.JsonSerializer.Serialize(new { name }));
        Assert.Contains("Invalid guest name", detail);
        Assert.DoesNotContain("\n", detail);
    }

    [Theory]
    [InlineData("8X", "Invalid size of disk 0")]
    [InlineData("0", "at least 1M")]
    [InlineData("99999T", "at most 64T")]
    [InlineData("-1G", "Invalid size")]
    [InlineData("999999999999999T", "too large")]
    public async Task A_bad_disk_size_is_a_400(string size, string expected) =>
        Assert.Contains(expected, await PostRefused($$"""{"name":"web","disks":[{"size":"{{size}}"}]}"""));

    [Fact]
    public async Task An_unknown_pool_is_a_400() =>
        Assert.Contains("no storage pool", await PostRefused("""{"name":"web","disks":[{"size":"1G","pool":"nope"}]}"""));

    [Fact]
    public async Task An_unknown_nic_model_is_a_400() =>
        Assert.Contains("model of NIC 0", await PostRefused("""{"name":"web","nics":[{"model":"rtl9999"}]}"""));

    [Fact]
    public async Task A_nic_on_an_unknown_network_is_a_400() =>
        Assert.Contains("there is no network 'br0'", await PostRefused("""{"name":"web","nics":[{"network":"br0"}]}"""));

    [Fact]
    public async Task A_multicast_mac_is_a_400() =>
        Assert.Contains("multicast", await PostRefused("""{"name":"web","nics":[{"mac":"01:00:5e:00:00:01"}]}"""));

    [Fact]
    public async Task Memory_0_is_a_400() =>
        Assert.Contains("Memory must be between", await PostRefused("""{"name":"web","memoryMiB":0}"""));

    [Fact]
    public async Task A_thousand_cpus_is_a_400() =>
        Assert.Contains("CPUs must be between", await PostRefused("""{"name":"web","cpus":1000}"""));

    [Fact]
    public async Task An_id_below_100_is_a_400() =>
        Assert.Contains("start at 100", await PostRefused("""{"name":"web","id":5}"""));

    [Fact]
    public async Task Unknown_firmware_is_a_400() =>
        Assert.Contains("firmware", await PostRefused("""{"name":"web","firmware":"efi"}"""));
}
