using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;
using Xunit.Abstractions;

namespace Carve.Packaging.Tests;

/// <summary>lintian on the package (test.sh installs it): errors fail the test, warnings and overrides are reported.</summary>
public sealed class LintianTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Lintian_finds_no_errors()
    {
        // Root is what the test suite runs as; lintian only warns about it.
        var result = await Processes.RunAsync("lintian", ["--info", "--show-overrides", "--tag-display-limit", "0", DebPackage.FilePath],
            timeout: TimeSpan.FromMinutes(5));
        var tags = result.Stdout.Split('\n').Where(l => l.Length > 2 && l[1] == ':' && "EWIPOX".Contains(l[0], StringComparison.Ordinal)).ToList();
        foreach (var tag in tags)
            output.WriteLine(tag);
        Assert.True(result.ExitCode is 0 or 1 or 2, $"lintian did not run: {result.Stderr}");
        Assert.DoesNotContain(tags, t => t.StartsWith("E:", StringComparison.Ordinal));
    }
}
