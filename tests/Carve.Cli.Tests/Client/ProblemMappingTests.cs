using System.Net;
using System.Net.Sockets;
using Carve.Cli.Tests.Fakes;
using Carve.Client;
using Carve.Client.Connection;
using Carve.Client.Errors;

namespace Carve.Cli.Tests.Client;

public sealed class ProblemMappingTests
{
    private static readonly CarveConnection Socket = CarveConnection.ForSocket("/run/carve/carved.sock");

    private static async Task<CarveApiException> FailWith(HttpResponseMessage response)
    {
        using var handler = new FakeHandler(_ => response);
        using var client = new CarveClient(Socket, handler);
        return await Assert.ThrowsAsync<CarveApiException>(() => client.GetVmAsync("web1", CancellationToken.None));
    }

    [Fact]
    public async Task Problem_detail_becomes_the_message()
    {
        var error = await FailWith(FakeHandler.Json(
            HttpStatusCode.Conflict,
            """{"type":"about:blank","title":"Conflict","status":409,"detail":"VM web1 is locked by task 17 (start)."}""",
            "application/problem+json"));
        Assert.Equal(409, error.Status);
        Assert.Equal("VM web1 is locked by task 17 (start).", error.Detail);
        Assert.Equal(error.Detail, error.Message);
        Assert.Equal("Conflict", error.Problem!.Title);
    }

    [Fact]
    public async Task Title_is_the_fallback_when_there_is_no_detail()
    {
        var error = await FailWith(FakeHandler.Json(HttpStatusCode.NotFound, """{"title":"No VM named web1.","status":404}""", "application/problem+json"));
        Assert.Equal((404, "No VM named web1."), (error.Status, error.Detail));
    }

    [Fact]
    public async Task Unknown_problem_fields_are_ignored()
    {
        var error = await FailWith(FakeHandler.Json(HttpStatusCode.BadRequest, """{"detail":"Bad size.","errors":{"x":["y"]},"traceId":"1"}""", "application/problem+json"));
        Assert.Equal("Bad size.", error.Detail);
    }

    [Fact]
    public async Task Html_error_page_gives_the_status()
    {
        var error = await FailWith(new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html><body>bad gateway</body></html>", System.Text.Encoding.UTF8, "text/html") });
        Assert.Equal(502, error.Status);
        Assert.Equal("carved answered 502 Bad Gateway.", error.Detail);
    }

    [Fact]
    public async Task Short_plain_text_body_is_used()
    {
        var error = await FailWith(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("carved is starting") });
        Assert.Equal("carved is starting", error.Detail);
    }

    [Fact]
    public async Task Unauthorized_without_body_mentions_the_token()
    {
        var error = await FailWith(new HttpResponseMessage(HttpStatusCode.Unauthorized));
        Assert.Equal(401, error.Status);
        Assert.Contains("--token", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_problem_json_falls_back_to_the_status()
    {
        var error = await FailWith(FakeHandler.Json(HttpStatusCode.InternalServerError, "{not json", "application/problem+json"));
        Assert.Equal("carved answered 500 Internal Server Error.", error.Detail);
    }

    [Fact]
    public async Task Missing_socket_says_where_and_why()
    {
        using var handler = new ThrowingHandler(new SocketException((int)SocketError.AddressNotAvailable));
        using var client = new CarveClient(Socket, handler);
        var error = await Assert.ThrowsAsync<CarveConnectionException>(() => client.GetHostAsync(CancellationToken.None));
        Assert.Equal("Cannot reach carved at /run/carve/carved.sock: is it running? (No such file or directory)", error.Message);
    }

    [Fact]
    public async Task Real_missing_socket_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"carve-missing-{Guid.NewGuid():N}.sock");
        using var client = new CarveClient(CarveConnection.ForSocket(path));
        var error = await Assert.ThrowsAsync<CarveConnectionException>(() => client.GetHostAsync(CancellationToken.None));
        Assert.Equal($"Cannot reach carved at {path}: is it running? (No such file or directory)", error.Message);
    }

    [Fact]
    public async Task Refused_tcp_connection()
    {
        using var handler = new ThrowingHandler(new SocketException((int)SocketError.ConnectionRefused));
        using var client = new CarveClient(CarveConnection.ForUrl(new Uri("https://host:8006"), "t"), handler);
        var error = await Assert.ThrowsAsync<CarveConnectionException>(() => client.ListVmsAsync(CancellationToken.None));
        Assert.StartsWith("Cannot reach carved at https://host:8006/: is it running? (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_success_body_is_a_protocol_error()
    {
        using var handler = new FakeHandler(_ => FakeHandler.Json(HttpStatusCode.OK, "[1,2]"));
        using var client = new CarveClient(Socket, handler);
        await Assert.ThrowsAsync<CarveProtocolException>(() => client.GetHostAsync(CancellationToken.None));
    }
}
