using System.Net.WebSockets;
using System.Text;
using Carve.Cli.Tests.Fakes;
using Carve.Client;
using Carve.Client.Connection;
using Carve.Client.Errors;
using Carve.Contracts.Containers;

namespace Carve.Cli.Tests.Exec;

/// <summary>CarveClient.ExecAsync from the upgrade request on, against a server that plays carved's part.</summary>
public sealed class ExecOverHttpTests
{
    [Fact]
    public async Task Echo_hi_into_read_x_prints_got_hi_and_passes_exit_code_3_on()
    {
        await using var server = FakeUpgradeServer.Accepting(FakeExecShell.ReadLineThenExit3Async);
        using var client = new CarveClient(CarveConnection.ForUrl(server.Url, "s3cret"));
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var start = new ExecStart { Command = ["sh", "-c", "read x; echo got-$x; exit 3"] };

        var code = await client.ExecAsync("c1", start, new MemoryStream("hi\n"u8.ToArray()), stdout, stderr, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, code);
        Assert.Equal("got-hi\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("", Encoding.UTF8.GetString(stderr.ToArray()));
        var head = Assert.Single(server.Requests);
        Assert.StartsWith("GET /api/v1/cts/c1/exec HTTP/1.1", head, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer s3cret", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upgrade_is_carveds_own_sentence()
    {
        await using var server = FakeUpgradeServer.Refusing(409, """{"title":"Conflict","status":409,"detail":"Container c1 is not running."}""");
        using var client = new CarveClient(CarveConnection.ForUrl(server.Url, "s3cret"));
        var error = await Assert.ThrowsAsync<CarveApiException>(() =>
            client.ExecAsync("c1", new ExecStart { Command = ["true"] }, Stream.Null, Stream.Null, Stream.Null, CancellationToken.None));
        Assert.Equal(409, error.Status);
        Assert.Equal("Container c1 is not running.", error.Message);
    }
}
