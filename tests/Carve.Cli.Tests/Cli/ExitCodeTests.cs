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
    [InlineData("ct")]
    [InlineData("ct create c1")]
    [InlineData("ct create c1 --template")]
    [InlineData("ct create c1 --template busybox --mount media:/media")]
    [InlineData("ct create c1 --template busybox --mount /tank/media:/media:rx")]
    [InlineData("ct create c1 --template busybox --memory lots")]
    [InlineData("ct set c1")]
    [InlineData("ct shutdown c1 --timeout -1")]
    [InlineData("ct exec c1")]
    [InlineData("ct exec c1 --env NOEQUALS -- true")]
    [InlineData("template build alpine")]
    [InlineData("template build")]
    [InlineData("token create ci")]
    [InlineData("token create ci --role root")]
    [InlineData("user add alice --role root")]
    [InlineData("user grant alice")]
    [InlineData("audit --since yesterday")]
    [InlineData("audit --limit many")]
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
    [InlineData("ct create c1 --template ./rootfs.tar.xz --mount /tank/media:/media:ro --start")]
    [InlineData("ct start c1")]
    [InlineData("ct show c1")]
    [InlineData("ct console c1 --log")]
    [InlineData("ct exec c1 -- sh -c true")]
    [InlineData("template list")]
    [InlineData("user list")]
    [InlineData("audit --since 1d")]
    [InlineData("template build debian --suite trixie")]
    public async Task Unreachable_daemon_exits_1(string commandLine)
    {
        // In front: after an exec's "--" it would be part of the container's command.
        Assert.Equal(1, await CarveCli.RunAsync(["--socket", NoSocket, .. commandLine.Split(' ')], CancellationToken.None));
    }

    [Fact]
    public async Task Help_exits_0()
    {
        Assert.Equal(0, await CarveCli.RunAsync(["vm", "create", "--help"], CancellationToken.None));
    }
}
