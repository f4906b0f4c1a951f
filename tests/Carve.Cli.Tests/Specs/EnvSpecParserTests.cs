using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class EnvSpecParserTests
{
    [Fact]
    public void Values_may_be_empty_or_hold_equals_signs()
    {
        var environment = EnvSpecParser.ParseAll(["A=1", "EMPTY=", "OPTS=a=b,c=d"])!;
        Assert.Equal("1", environment["A"]);
        Assert.Equal("", environment["EMPTY"]);
        Assert.Equal("a=b,c=d", environment["OPTS"]);
    }

    [Fact]
    public void No_env_option_sends_no_environment()
    {
        Assert.Null(EnvSpecParser.ParseAll(null));
        Assert.Null(EnvSpecParser.ParseAll([]));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("=1")]
    [InlineData("MY VAR=1")]
    public void Malformed_specs_are_usage_errors(string spec)
    {
        Assert.Throws<UsageException>(() => EnvSpecParser.ParseAll([spec]));
    }

    [Fact]
    public void The_same_name_twice_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => EnvSpecParser.ParseAll(["A=1", "A=2"]));
    }
}
