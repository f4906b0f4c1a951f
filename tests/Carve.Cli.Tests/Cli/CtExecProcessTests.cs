using Carve.Cli.Tests.Fakes;

namespace Carve.Cli.Tests.Cli;

/// <summary>The real `carve` executable with a pipe on stdin, against a server that plays carved's part.</summary>
public sealed class CtExecProcessTests
{
    [Fact]
    public async Task Echo_hi_piped_into_exec_prints_got_hi_and_exits_3()
    {
        await using var server = FakeUpgradeServer.Accepting(FakeExecShell.ReadLineThenExit3Async);
        var (code, stdout, stderr) = await RunCarveAsync("hi\n", "--url", server.Url.ToString(), "ct", "exec", "c1", "--", "sh", "-c", "read x; echo got-$x; exit 3");
        Assert.True(code == 3, $"exit {code}; stderr: {stderr}");
        Assert.Equal("got-hi\n", stdout);
    }

    [Fact]
    public async Task A_container_that_is_not_running_is_one_sentence_and_exit_1()
    {
        await using var server = FakeUpgradeServer.Refusing(409, """{"status":409,"detail":"Container c1 is not running."}""");
        var (code, stdout, stderr) = await RunCarveAsync("", "--url", server.Url.ToString(), "ct", "exec", "c1", "--", "true");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: Container c1 is not running.\n", stderr);
    }

    [Fact]
    public async Task The_exit_code_ends_carve_while_its_stdin_is_still_open()
    {
        await using var server = FakeUpgradeServer.Accepting(FakeExecShell.ExitAt7Async);
        var (code, _, stderr) = await RunCarveAsync(null, "--url", server.Url.ToString(), "ct", "exec", "c1", "--", "true");
        Assert.Equal(7, code);
        Assert.Equal("bye\n", stderr);
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunCarveAsync(string? stdin, params string[] args) =>
        CarveProcess.RunAsync(stdin, args);
}
