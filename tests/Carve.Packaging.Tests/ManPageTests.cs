using System.Text.RegularExpressions;
using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests;

/// <summary>The packaged manual pages render with man -l and groff says nothing about them.</summary>
public sealed partial class ManPageTests
{
    [Theory]
    [InlineData("/usr/share/man/man1/carve.1.gz", "CARVE(1)", "carve vm create")]
    [InlineData("/usr/share/man/man8/carved.8.gz", "CARVED(8)", "KillMode=process")]
    public async Task Page_renders_without_warnings(string page, string header, string sample)
    {
        using var package = await ExtractedPackage.ExtractAsync(DebPackage.FilePath);
        var path = package.At(page);
        // As lintian checks pages: every groff warning on, UTF-8 output.
        var psi = new[] { "LC_ALL=C.UTF-8", "MANWIDTH=80", "man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", path };
        var check = await Processes.RunAsync("env", psi);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal("", check.Stderr);

        var rendered = await Processes.RunAsync("env", ["LC_ALL=C.UTF-8", "MANWIDTH=80", "man", "--warnings", "-l", path]);
        Assert.Equal("", rendered.Stderr);
        // Bold and underline come as overstrikes (c, backspace, c): the plain text is what a reader sees.
        var text = Overstrike().Replace(rendered.Stdout, "");
        Assert.StartsWith(header, text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(sample, text, StringComparison.Ordinal);
        Assert.Contains($"Carve {DebPackage.UpstreamVersion}", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(".\b")]
    private static partial Regex Overstrike();
}
