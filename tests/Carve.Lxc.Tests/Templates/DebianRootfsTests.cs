using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Templates;

public sealed class DebianRootfsTests
{
    [Fact]
    public void The_inittab_powers_off_on_sigpwr_and_gives_a_console_login()
    {
        using var dir = new TempDirectory("carve-deb");
        Directory.CreateDirectory(dir.Sub("etc"));
        Directory.CreateDirectory(dir.Sub("dev"));
        Directory.CreateDirectory(dir.Sub("var/cache/apt/archives"));
        File.WriteAllText(dir.Sub("var/cache/apt/archives/apt_2.6.1_amd64.deb"), "x");
        File.WriteAllText(dir.Sub("dev/null"), "");
        File.WriteAllText(dir.Sub("etc/inittab"), """
            id:2:initdefault:
            si::sysinit:/etc/init.d/rcS
            l0:0:wait:/etc/init.d/rc 0
            pf::powerwait:/etc/init.d/powerfail start
            pn::powerfailnow:/etc/init.d/powerfail now
            po::powerokwait:/etc/init.d/powerfail stop
            1:2345:respawn:/sbin/getty --noclear 38400 tty1
            2:23:respawn:/sbin/getty 38400 tty2
            """);

        DebianRootfs.Prepare(dir.Path);

        var inittab = File.ReadAllText(dir.Sub("etc/inittab"));
        Assert.Contains("p0::powerfail:/sbin/init 0", inittab, StringComparison.Ordinal);
        Assert.Contains("co:2345:respawn:/sbin/agetty --autologin root", inittab, StringComparison.Ordinal);
        Assert.Contains("l0:0:wait:/etc/init.d/rc 0", inittab, StringComparison.Ordinal);
        Assert.DoesNotContain("powerfail start", inittab, StringComparison.Ordinal);
        Assert.DoesNotContain("tty1", inittab, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Sub("dev")));
        Assert.Empty(Directory.EnumerateFiles(dir.Sub("var/cache/apt/archives")));
    }
}
