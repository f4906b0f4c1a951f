using Carve.Lxc.Templates;

namespace Carve.Lxc.Tests.Templates;

public sealed class DebootstrapProgressTests
{
    private static IEnumerable<string> Run(int packages)
    {
        yield return "I: Target architecture can be executed";
        yield return "I: Retrieving InRelease ";
        yield return "I: Retrieving Packages ";
        yield return "I: Resolving dependencies of required packages...";
        for (var i = 0; i < packages; i++)
        {
            yield return $"I: Retrieving pkg{i} 1.0";
            yield return $"I: Validating pkg{i} 1.0";
        }
        yield return "I: Chosen extractor for .deb packages: dpkg-deb";
        for (var i = 0; i < packages; i++)
            yield return $"I: Extracting pkg{i}...";
        yield return "I: Installing core packages...";
        yield return "I: Unpacking required packages...";
        for (var i = 0; i < packages; i++)
            yield return $"I: Unpacking pkg{i}...";
        yield return "I: Configuring required packages...";
        for (var i = 0; i < packages; i++)
            yield return $"I: Configuring pkg{i}...";
        yield return "I: Base system installed successfully.";
    }

    [Fact]
    public void Progress_only_grows_and_ends_at_99()
    {
        var progress = new DebootstrapProgress();
        var seen = new List<int>();
        var logged = new List<string>();
        foreach (var line in Run(93))
        {
            if (progress.Observe(line) is { } log)
                logged.Add(log);
            seen.Add(progress.Percent);
        }
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(99, seen[^1]);
        Assert.Contains(seen, p => p is > 40 and < 60);
        Assert.Equal(["Downloading packages", "Extracting the essential packages", "Unpacking the base system", "Configuring packages", "Base system installed successfully."], logged);
    }

    [Fact]
    public void Warnings_and_errors_are_passed_on()
    {
        var progress = new DebootstrapProgress();
        Assert.Equal("W: Failure trying to run: chroot", progress.Observe("W: Failure trying to run: chroot"));
        Assert.Equal("E: Couldn't find these debs: nope", progress.Observe("E: Couldn't find these debs: nope"));
        Assert.Null(progress.Observe("random noise"));
    }

    [Fact]
    public void Chunks_cut_anywhere_become_whole_lines()
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add);
        splitter.Feed("I: Retr");
        splitter.Feed("ieving a 1\nI: Extracting a...\r\nI: Unp");
        splitter.Feed("acking a...\n");
        Assert.Equal(["I: Retrieving a 1", "I: Extracting a...", "I: Unpacking a..."], lines);
    }
}
