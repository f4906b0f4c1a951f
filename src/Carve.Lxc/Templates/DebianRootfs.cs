namespace Carve.Lxc.Templates;

/// <summary>Turns a fresh debootstrap tree into a container template.</summary>
public static class DebianRootfs
{
    /// <summary>
    /// The packages beyond minbase: minbase has no init at all, and sysvinit is one that runs unprivileged on
    /// cgroup v1 and v2 alike and needs no systemd on the host.
    /// </summary>
    public const string ExtraPackages = "sysvinit-core";

    public const string InittabAdditions = """
        # Added by Carve: lxc-stop sends SIGPWR, which sysvinit turns into a powerfail event: halt cleanly.
        p0::powerfail:/sbin/init 0
        # The console is only reachable through carved (`carve ct console`), so it logs root in.
        co:2345:respawn:/sbin/agetty --autologin root --noclear --keep-baud console 115200,38400,9600 linux

        """;

    public static void Prepare(string rootfs)
    {
        var inittab = Path.Combine(rootfs, "etc/inittab");
        if (File.Exists(inittab))
        {
            // Debian's power entries call /etc/init.d/powerfail, which no longer exists; the getty lines want
            // tty1-6, of which a container has two, and nobody attaches to them.
            var kept = File.ReadAllLines(inittab).Where(line =>
                !line.StartsWith("pf::", StringComparison.Ordinal) && !line.StartsWith("pn::", StringComparison.Ordinal)
                && !line.StartsWith("po::", StringComparison.Ordinal) && !IsTtyGetty(line));
            File.WriteAllText(inittab, string.Join('\n', kept) + "\n" + InittabAdditions);
        }
        // Downloaded packages and indexes only make every container bigger; `apt update` fetches fresh ones.
        DeleteFiles(Path.Combine(rootfs, "var/cache/apt/archives"), "*.deb");
        DeleteFiles(Path.Combine(rootfs, "var/lib/apt/lists"), "*_*");
        // LXC mounts a fresh /dev over this one; device nodes in a template only matter if that ever fails.
        var dev = Path.Combine(rootfs, "dev");
        if (Directory.Exists(dev))
            foreach (var entry in Directory.EnumerateFileSystemEntries(dev))
                if (Directory.Exists(entry) && !File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
                    Directory.Delete(entry, recursive: true);
                else
                    File.Delete(entry);
        File.WriteAllText(Path.Combine(rootfs, "etc/hostname"), "localhost\n");
    }

    private static bool IsTtyGetty(string line)
    {
        var fields = line.Split(':');
        return fields.Length >= 4 && fields[0].Length == 1 && char.IsAsciiDigit(fields[0][0]) && fields[3].Contains("getty", StringComparison.Ordinal);
    }

    private static void DeleteFiles(string dir, string pattern)
    {
        if (Directory.Exists(dir))
            foreach (var file in Directory.EnumerateFiles(dir, pattern))
                File.Delete(file);
    }
}
