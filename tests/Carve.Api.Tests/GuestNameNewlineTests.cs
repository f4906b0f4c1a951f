using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>
/// A name with a trailing newline must be refused like any other bad name. It has its own daemon:
/// if it is wrongly accepted, the VM it leaves behind must not disturb other tests.
/// </summary>
public sealed class GuestNameNewlineTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("web\n")]
    [InlineData("web\r\n")]
    public async Task A_name_ending_in_a_newline_is_a_400(string name)
    {
        var server = fixture.Server;
        using var response = await server.Socket.PostAsync("/api/v1/vms", Rest.Json(new { name }));
        Assert.Contains("Invalid guest name", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
        Assert.Empty(await Rest.VmNames(server.Socket));
    }
}
