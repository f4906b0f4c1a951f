using Carve.Cli.Commands;

namespace Carve.Cli.Tests.Cli;

/// <summary>The snapshot, clone and template commands parse in the DESIGN.md vocabulary.</summary>
public sealed class SnapshotParseTests
{
    private static System.CommandLine.ParseResult Parse(params string[] args) => RootCommandFactory.Create().Parse(args);

    [Fact]
    public void Snapshot_create_takes_guest_name_memory_and_description()
    {
        var parse = Parse("snapshot", "create", "web", "before", "--memory", "--description", "pre upgrade");
        Assert.Empty(parse.Errors);
        Assert.Equal("web", parse.GetValue<string>("GUEST"));
        Assert.Equal("before", parse.GetValue<string>("SNAP"));
        Assert.True(parse.GetValue<bool>("--memory"));
        Assert.Equal("pre upgrade", parse.GetValue<string>("--description"));
    }

    [Theory]
    [InlineData("snapshot", "list", "web")]
    [InlineData("snapshot", "rollback", "web", "s1")]
    [InlineData("snapshot", "delete", "web", "s1")]
    [InlineData("clone", "golden", "web2", "--linked")]
    [InlineData("clone", "web", "copy", "--snapshot", "s1")]
    [InlineData("vm", "template", "golden")]
    [InlineData("ct", "template", "box")]
    public void The_commands_parse(params string[] args) => Assert.Empty(Parse(args).Errors);

    [Theory]
    [InlineData("snapshot", "rollback", "web")]
    [InlineData("snapshot", "create", "web")]
    [InlineData("clone", "web")]
    public void A_missing_argument_is_an_error(params string[] args) => Assert.NotEmpty(Parse(args).Errors);
}
