using Carve.Cli.Commands;

namespace Carve.Cli.Tests.Cli;

/// <summary>What `carve ct exec` hands to the container: every token after "--", untouched.</summary>
public sealed class CtExecParseTests
{
    private static (string[]? Command, IReadOnlyList<string> Errors) Parse(params string[] args)
    {
        var parse = RootCommandFactory.Create().Parse(args);
        return (parse.Errors.Count == 0 ? parse.GetValue<string[]>("COMMAND") : null, [.. parse.Errors.Select(e => e.Message)]);
    }

    [Fact]
    public void Options_after_the_double_dash_belong_to_the_command()
    {
        var (command, errors) = Parse("ct", "exec", "c1", "--", "sh", "-c", "read x; echo got-$x; exit 3", "-o", "json", "--help", "--socket", "/x");
        Assert.Empty(errors);
        Assert.Equal(["sh", "-c", "read x; echo got-$x; exit 3", "-o", "json", "--help", "--socket", "/x"], command!);
    }

    [Fact]
    public void Carves_own_options_go_before_the_double_dash()
    {
        var parse = RootCommandFactory.Create().Parse(["ct", "exec", "c1", "--env", "A=1", "-o", "json", "--", "env"]);
        Assert.Empty(parse.Errors);
        Assert.Equal(["env"], parse.GetValue<string[]>("COMMAND")!);
        Assert.Equal(["A=1"], parse.GetValue<string[]>("--env")!);
        Assert.Equal("json", parse.GetValue<string>("--output"));
    }

    [Fact]
    public void An_at_sign_argument_is_not_read_as_a_response_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "expanded");
            var (command, errors) = Parse("ct", "exec", "c1", "--", "echo", "@" + file);
            Assert.Empty(errors);
            Assert.Equal(["echo", "@" + file], command!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_command_is_required()
    {
        Assert.NotEmpty(Parse("ct", "exec", "c1").Errors);
        Assert.NotEmpty(Parse("ct", "exec", "c1", "--").Errors);
    }
}
