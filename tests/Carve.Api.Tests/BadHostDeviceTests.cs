using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Host PCI and USB devices in a create request are checked at the edge: a 400 problem, nothing made.</summary>
[Collection(BadInputCollection.Name)]
public sealed class BadHostDeviceTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Theory]
    [InlineData("0000:01:00.0,x-vga=on")]
    [InlineData("0000:01:00.9")]
    [InlineData("0000:01:00.0\\n")]
    [InlineData("gpu")]
    public async Task A_bad_pci_address_is_a_400(string address) =>
        Assert.Contains("Invalid PCI address", await PostRefused($$"""{"name":"web","hostPci":[{"address":"{{address}}"}]}"""));

    [Fact]
    public async Task The_same_pci_device_twice_is_a_400() =>
        Assert.Contains("listed twice", await PostRefused("""{"name":"web","hostPci":[{"address":"01:00.0"},{"address":"0000:01:00.0"}]}"""));

    [Theory]
    [InlineData("046d")]
    [InlineData("046d:c52b,id=x")]
    [InlineData("1-1;2")]
    public async Task A_bad_usb_device_is_a_400(string device) =>
        Assert.Contains("Invalid host USB device", await PostRefused($$"""{"name":"web","hostUsb":["{{device}}"]}"""));

    [Theory]
    [InlineData("/api/v1/host/check", "findings")]
    [InlineData("/api/v1/host/pci", null)]
    [InlineData("/api/v1/host/usb", null)]
    public async Task Hardware_views_answer(string path, string? property)
    {
        using var response = await Server.Socket.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (property is not null)
            Assert.True(json.GetProperty(property).GetArrayLength() > 0);
        else
            Assert.Equal(System.Text.Json.JsonValueKind.Array, json.ValueKind);
    }
}
