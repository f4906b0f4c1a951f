namespace Carve.Lxc.Templates;

/// <summary>
/// The built-in template: the host's static busybox, a symlink per applet, and just enough /etc for a shell on
/// the console. Busybox init halts on SIGPWR (what lxc-stop sends), so clean shutdowns take about two seconds.
/// </summary>
public static class BusyboxRootfs
{
    /// <summary>Raised whenever the files below change: templates built by an older recipe are built again.</summary>
    public const int Revision = 2;

    public const string Inittab = """
        # Carve's busybox template: a root shell on the console, respawned when it exits.
        # lxc-stop sends SIGPWR, on which busybox init runs the shutdown entries, then halts.
        ::sysinit:/bin/mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
        ::sysinit:/bin/mkdir -p /dev/shm
        ::sysinit:/bin/mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /dev/shm
        ::sysinit:/etc/init.d/network
        ::respawn:-/bin/sh
        ::ctrlaltdel:/sbin/reboot
        ::shutdown:/bin/sync

        """;

    /// <summary>Asks DHCP for an address on every NIC; udhcpc stays in the background to renew (and keeps asking where none answers).</summary>
    public const string NetworkScript = """
        #!/bin/sh
        # Carve's busybox template: DHCP on each NIC Carve gave the container (eth0, eth1, ...).
        for dev in /sys/class/net/eth*; do
            [ -e "$dev" ] || continue
            name=${dev##*/}
            udhcpc -b -S -i "$name" -p "/run/udhcpc.$name.pid" -s /usr/share/udhcpc/default.script
        done
        exit 0

        """;

    /// <summary>udhcpc's hook: it has no built-in way to configure the interface.</summary>
    public const string UdhcpcScript = """
        #!/bin/sh
        # Called by udhcpc with deconfig, bound or renew; the lease is in the environment.
        case "$1" in
        deconfig)
            ip addr flush dev "$interface"
            ip link set "$interface" up
            ;;
        bound|renew)
            ip addr flush dev "$interface"
            ip addr add "$ip/${mask:-24}" dev "$interface"
            [ -n "$router" ] && ip route replace default via "${router%% *}" dev "$interface"
            if [ -n "$dns" ]; then
                for server in $dns; do echo "nameserver $server"; done > /etc/resolv.conf
            fi
            ;;
        esac
        exit 0

        """;

    private static readonly (string Path, UnixFileMode Mode)[] Directories =
    [
        ("bin", Mode("755")), ("sbin", Mode("755")), ("usr/bin", Mode("755")), ("usr/sbin", Mode("755")),
        ("etc", Mode("755")), ("dev", Mode("755")), ("proc", Mode("555")), ("sys", Mode("555")), ("run", Mode("755")),
        ("root", Mode("700")), ("home", Mode("755")), ("mnt", Mode("755")), ("tmp", Mode("1777")),
        ("var", Mode("755")), ("var/log", Mode("755")), ("var/tmp", Mode("1777")),
        ("etc/init.d", Mode("755")), ("usr/share", Mode("755")), ("usr/share/udhcpc", Mode("755")),
    ];

    private static readonly (string Path, string Content)[] Files =
    [
        ("etc/inittab", Inittab),
        ("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"),
        ("etc/group", "root:x:0:\nnogroup:x:65534:\n"),
        ("etc/shadow", "root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n"),
        ("etc/profile", "export PATH=/usr/sbin:/usr/bin:/sbin:/bin\nexport PS1='\\h:\\w\\$ '\n"),
        ("etc/os-release", "NAME=\"BusyBox\"\nID=busybox\nPRETTY_NAME=\"Carve busybox container\"\n"),
        ("etc/init.d/network", NetworkScript),
        ("usr/share/udhcpc/default.script", UdhcpcScript),
    ];

    /// <param name="rootfs">An empty directory.</param>
    /// <param name="busybox">A static busybox binary.</param>
    /// <param name="applets">Its `busybox --list-full` output: paths such as "usr/bin/[" relative to the root.</param>
    public static void Build(string rootfs, string busybox, IEnumerable<string> applets)
    {
        File.SetUnixFileMode(rootfs, Mode("755"));
        foreach (var (path, mode) in Directories)
        {
            var full = Path.Combine(rootfs, path);
            Directory.CreateDirectory(full);
            File.SetUnixFileMode(full, mode);
        }
        File.Copy(busybox, Path.Combine(rootfs, "bin/busybox"));
        File.SetUnixFileMode(Path.Combine(rootfs, "bin/busybox"), Mode("755"));
        foreach (var applet in applets.Select(a => a.Trim()).Where(IsAppletPath).Distinct(StringComparer.Ordinal))
        {
            var link = Path.Combine(rootfs, applet);
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            if (!File.Exists(link))
                File.CreateSymbolicLink(link, "/bin/busybox");
        }
        foreach (var (path, content) in Files)
            File.WriteAllText(Path.Combine(rootfs, path), content);
        File.SetUnixFileMode(Path.Combine(rootfs, "etc/shadow"), Mode("640"));
        File.SetUnixFileMode(Path.Combine(rootfs, "etc/init.d/network"), Mode("755"));
        File.SetUnixFileMode(Path.Combine(rootfs, "usr/share/udhcpc/default.script"), Mode("755"));
    }

    // Only applets under the usual bin dirs: nothing from the list may write elsewhere (or over busybox itself).
    private static bool IsAppletPath(string path) =>
        path != "bin/busybox" && !path.Contains("..", StringComparison.Ordinal)
        && (path.StartsWith("bin/", StringComparison.Ordinal) || path.StartsWith("sbin/", StringComparison.Ordinal)
            || path.StartsWith("usr/bin/", StringComparison.Ordinal) || path.StartsWith("usr/sbin/", StringComparison.Ordinal))
        && path.Count(c => c == '/') <= 2 && !path.EndsWith('/');

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);
}
