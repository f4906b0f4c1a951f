using Carve.Host.Processes;

namespace Carve.Network.Tests.Nft;

/// <summary>The golden rulesets are what nft really takes: `nft -c` parses and checks them without applying anything.</summary>
public sealed class NftAcceptsRulesetsTests
{
    [Theory]
    [InlineData("nat-plain.nft")]
    [InlineData("nat-published.nft")]
    [InlineData("vlan-groups.nft")]
    public async Task Nft_accepts_the_golden_ruleset(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", file);
        var result = await new ProcessRunner().RunAsync(new ProcessSpec("nft", ["-c", "-f", path]) { Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
        Assert.True(result.Succeeded, $"nft -c -f {file}: {result.Stderr}");
    }
}
