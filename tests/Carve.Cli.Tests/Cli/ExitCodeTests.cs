namespace Carve.Cli.Tests.Cli;

/// <summary>Runs the real command tree; none of these get as far as connecting to carved.</summary>
public sealed class ExitCodeTests
{
    private static readonly string NoSocket = $"/tmp/carve-test-{Guid.NewGuid():N}.sock";

    [Theory]
    [InlineData("bogus")]
    [InlineData("vm")]
    [InlineData("vm create")]
    [InlineData("vm create web1 --disk bogus=1")]
    [InlineData("vm create web1 --disk size=8X")]
    [InlineData("vm create web1 --nic model=e1000")]
    [InlineData("vm create web1 --cpus two")]
    [InlineData("vm create web1 --firmware efi")]
    [InlineData("vm create web1 --initrd /boot/initrd.img")]
    [InlineData("vm set web1")]
    [InlineData("vm set web1 --resize disk0")]
    [InlineData("token create ci")]
    [InlineData("token create ci --role root")]
    [InlineData("list -o yaml")]
    [InlineData("list --socket /a.sock --url https://h")]
    [InlineData("list --url ftp://h")]
    public async Task Usage_errors_exit_2(string commandLine)
    {
        string[] args = commandLine.Contains("--socket", StringComparison.Ordinal) || commandLine.Contains("--url", StringComparison.Ordinal)
            ? commandLine.Split(' ')
            : [.. commandLine.Split(' '), "--socket", NoSocket];
        Assert.Equal(2, await CarveCli.RunAsync(args, CancellationToken.None));
    }

    [Theory]
    [InlineData("host info")]
    [InlineData("vm start web1")]
    [InlineData("vm console web1 --log")]
    public async Task Unreachable_daemon_exits_1(string commandLine)
    {
        Assert.Equal(1, await CarveCli.RunAsync([.. commandLine.Split(' '), "--socket", NoSocket], CancellationToken.None));
    }

    [Fact]
    public async Task Help_exits_0()
    {
        Assert.Equal(0, await CarveCli.RunAsync(["vm", "create", "--help"], CancellationToken.None));
    }
}
