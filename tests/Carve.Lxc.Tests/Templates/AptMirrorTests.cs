using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Templates;

public sealed class AptMirrorTests
{
    private const string Deb822 = """
        Types: deb
        # http://snapshot.debian.org/archive/debian/20250520T000000Z
        URIs: http://deb.debian.org/debian
        Suites: bookworm bookworm-updates
        Components: main
        Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

        Types: deb
        URIs: http://deb.debian.org/debian-security
        Suites: bookworm-security
        Components: main
        """;

    [Fact]
    public void Deb822_sources_give_the_main_archive_not_security()
    {
        var entries = AptMirror.ParseDeb822(Deb822).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("http://deb.debian.org/debian", AptMirror.Choose(entries, "bookworm"));
        // Another suite still gets the Debian archive.
        Assert.Equal("http://deb.debian.org/debian", AptMirror.Choose(entries, "trixie"));
    }

    [Fact]
    public void One_line_sources_with_options_are_read()
    {
        var entries = AptMirror.ParseOneLine("""
            # deb http://old.example/debian bookworm main
            deb-src http://src.example/debian bookworm main
            deb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian/ bookworm main contrib
            deb https://packages.cloud.google.com/apt cloud-sdk-bookworm main
            """).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("http://mirror.example/debian", AptMirror.Choose(entries, "bookworm"));
    }

    [Fact]
    public void Disabled_stanzas_and_foreign_archives_are_skipped()
    {
        var entries = AptMirror.ParseDeb822("""
            Types: deb
            URIs: http://disabled.example/debian
            Suites: bookworm
            Enabled: no

            Types: deb
            URIs: https://deb.nodesource.com/node_20.x
            Suites: nodistro
            """).ToList();
        Assert.Null(AptMirror.Choose(entries, "bookworm"));
    }

    [Fact]
    public void Files_are_found_under_the_apt_dir_with_a_fallback()
    {
        using var dir = new TempDirectory("carve-apt");
        Assert.Equal(AptMirror.Fallback, AptMirror.Find("bookworm", dir.Path));
        Directory.CreateDirectory(dir.Sub("sources.list.d"));
        File.WriteAllText(dir.Sub("sources.list.d/debian.sources"), Deb822.Replace("deb.debian.org", "ftp.de.debian.org", StringComparison.Ordinal));
        Assert.Equal("http://ftp.de.debian.org/debian", AptMirror.Find("bookworm", dir.Path));
    }
}
