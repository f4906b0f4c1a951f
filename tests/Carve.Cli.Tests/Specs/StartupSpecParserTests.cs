using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Contracts.Guests;

namespace Carve.Cli.Tests.Specs;

public sealed class StartupSpecParserTests
{
    [Fact]
    public void Order_up_and_down_are_read_as_proxmox_writes_them()
    {
        Assert.Equal(new BootPolicy { Order = 1, UpSeconds = 30, DownSeconds = 90 }, StartupSpecParser.Parse("order=1,up=30,down=90"));
        Assert.Equal(new BootPolicy { Order = 2 }, StartupSpecParser.Parse("order=2"));
        Assert.Equal(new BootPolicy { UpSeconds = 0 }, StartupSpecParser.Parse("up=0"));
    }

    [Fact]
    public void Ready_takes_the_text_as_given_and_none_clears_it()
    {
        Assert.Equal(new BootPolicy { Order = 1, UpSeconds = 60, Ready = "login: " }, StartupSpecParser.Parse("order=1,up=60,ready=login: "));
        Assert.Equal(new BootPolicy { Ready = "a=b" }, StartupSpecParser.Parse("ready=a=b"));
        Assert.Equal(new BootPolicy { Ready = "" }, StartupSpecParser.Parse("ready=none"));
    }

    [Theory]
    [InlineData("order=-1", "order must be a whole number of 0 or more, not '-1'")]
    [InlineData("up=1.5", "up must be a whole number of seconds, not '1.5'")]
    [InlineData("down=99999999999", "down must be a whole number of seconds")]
    [InlineData("order=1,order=2", "'order' is given twice")]
    [InlineData("delay=3", "unknown key 'delay'")]
    [InlineData("", "--startup needs a value")]
    public void Malformed_specs_are_usage_errors(string spec, string expected)
    {
        var error = Assert.Throws<UsageException>(() => StartupSpecParser.Parse(spec));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
