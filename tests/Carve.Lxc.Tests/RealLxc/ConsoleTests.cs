using System.Text;
using Carve.Core.Errors;
using Carve.Lxc.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

[Collection(LxcCollection.Name)]
public sealed class ConsoleTests(ITestOutputHelper output)
{
    [LxcFact]
    public async Task The_console_is_a_shell_one_client_at_a_time_and_its_output_is_logged()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.StartedAsync("console");

        await using (var console = await lxc.Driver.AttachConsoleAsync(guest, CancellationToken.None))
        {
            await Assert.ThrowsAsync<ConflictException>(() => lxc.Driver.AttachConsoleAsync(guest, CancellationToken.None));
            await console.WriteAsync(Encoding.ASCII.GetBytes("echo marker-$((6*7))\n"));
            Assert.Contains("marker-42", await ReadUntilAsync(console, "marker-42"), StringComparison.Ordinal);
        }

        // Free again once the first client left.
        await using (var again = await lxc.Driver.AttachConsoleAsync(guest, CancellationToken.None))
        {
            await again.WriteAsync(Encoding.ASCII.GetBytes("echo second-$((2+3))\n"));
            await ReadUntilAsync(again, "second-5");
        }

        var log = Encoding.UTF8.GetString(await lxc.Driver.ReadConsoleLogAsync(guest, CancellationToken.None));
        Assert.Contains("marker-42", log, StringComparison.Ordinal);
        Assert.Contains("BusyBox", log, StringComparison.Ordinal);
    }

    [LxcFact]
    public async Task A_stopped_container_has_no_console_but_keeps_its_log()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.StartedAsync("quiet");
        // Under load the container may not have printed its banner yet: stopping before it did would test nothing.
        for (var i = 0; i < 150 && !(await LogAsync(lxc, guest)).Contains("BusyBox", StringComparison.Ordinal); i++)
            await Task.Delay(100);
        await lxc.Driver.StopAsync(guest, lxc.Task(), CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => lxc.Driver.AttachConsoleAsync(guest, CancellationToken.None));
        Assert.Contains("BusyBox", await LogAsync(lxc, guest), StringComparison.Ordinal);
    }

    private static async Task<string> LogAsync(LxcHarness lxc, Core.Guests.GuestRecord guest) =>
        Encoding.UTF8.GetString(await lxc.Driver.ReadConsoleLogAsync(guest, CancellationToken.None));

    private static async Task<string> ReadUntilAsync(Stream stream, string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        // The command echoes as typed ("$((6*7))"), so the computed marker only shows up as its output.
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            int n;
            try
            {
                n = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No '{marker}' on the console within 15 s; it showed: '{text}'");
                throw;
            }
            if (n == 0)
                break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        return text.ToString();
    }
}
