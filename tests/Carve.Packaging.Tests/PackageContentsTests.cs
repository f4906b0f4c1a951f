using System.Text.RegularExpressions;
using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests;

/// <summary>What out/carve_VERSION_amd64.deb says about itself (dpkg-deb -f, -c, --ctrl-tarfile): fields, files, modes, owners.</summary>
public sealed partial class PackageContentsTests
{
    [Fact]
    public async Task Control_fields_name_the_package_its_version_and_its_real_dependencies()
    {
        var deb = DebPackage.FilePath;
        Assert.Equal("carve", await DebPackage.FieldAsync(deb, "Package"));
        Assert.Equal(DebPackage.Version, await DebPackage.FieldAsync(deb, "Version"));
        Assert.Equal("amd64", await DebPackage.FieldAsync(deb, "Architecture"));
        Assert.Matches(@"^.+ <[^@\s]+@[^@\s]+>$", await DebPackage.FieldAsync(deb, "Maintainer"));
        Assert.StartsWith("hypervisor manager", await DebPackage.FieldAsync(deb, "Description"), StringComparison.Ordinal);
        Assert.True(int.Parse(await DebPackage.FieldAsync(deb, "Installed-Size")) > 1000);

        var depends = Relations(await DebPackage.FieldAsync(deb, "Depends"));
        var recommends = Relations(await DebPackage.FieldAsync(deb, "Recommends"));
        foreach (var needed in new[] { "qemu-system-x86", "qemu-utils", "lxc", "acl", "iproute2", "nftables", "dnsmasq-base", "libc6", "libssl3" })
            Assert.Contains(needed, depends);
        foreach (var helpful in new[] { "ovmf", "busybox-static", "debootstrap", "debian-archive-keyring", "xz-utils", "zstd", "pci.ids", "usb.ids", "btrfs-progs", "sqlite3" })
            Assert.Contains(helpful, recommends);
        Assert.Empty(depends.Intersect(recommends));
    }

    [Fact]
    public async Task Files_are_root_owned_with_the_modes_Debian_expects()
    {
        var entries = await ListAsync(DebPackage.FilePath);
        Assert.All(entries, e => Assert.Equal("root/root", e.Owner));
        // Nothing writable by group or others, nothing setuid.
        Assert.All(entries.Where(e => e.Type != 'l'), e => Assert.Matches("^[d-]rw[x-]r-[x-]r-[x-]$", e.Mode));
        Assert.All(entries.Where(e => e.Type == 'd'), e => Assert.Equal("drwxr-xr-x", e.Mode));

        var byPath = entries.ToDictionary(e => e.Path);
        string ModeOf(string path) => byPath.TryGetValue(path, out var e) ? e.Mode : throw new Xunit.Sdk.XunitException($"{path} is not in the package");

        Assert.Equal("-rwxr-xr-x", ModeOf("/usr/lib/carve/carved"));
        Assert.Equal("-rw-r--r--", ModeOf("/lib/systemd/system/carved.service"));
        Assert.Equal("-rw-r--r--", ModeOf("/etc/carve/carved.json"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/man/man1/carve.1.gz"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/man/man8/carved.8.gz"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/bash-completion/completions/carve"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/zsh/vendor-completions/_carve"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/fish/vendor_completions.d/carve.fish"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/doc/carve/copyright"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/doc/carve/changelog.Debian.gz"));
        Assert.Equal("-rw-r--r--", ModeOf("/usr/share/carve/wwwroot/index.html"));

        // The commands link to the native programs; no .NET runtime or assembly travels with them.
        Assert.Equal("../lib/carve/carve", byPath["/usr/bin/carve"].LinkTarget);
        Assert.Equal("../lib/carve/carved", byPath["/usr/sbin/carved"].LinkTarget);
        Assert.Equal("-rwxr-xr-x", ModeOf("/usr/lib/carve/carve"));
        Assert.DoesNotContain(entries, e => e.Path.EndsWith(".dll", StringComparison.Ordinal)
            || e.Path.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) || e.Path.Contains("/dotnet/", StringComparison.Ordinal));
        // Shared libraries are not executable.
        Assert.All(entries.Where(e => e.Path.EndsWith(".so", StringComparison.Ordinal)), e => Assert.Equal("-rw-r--r--", e.Mode));
        Assert.Equal("../../share/carve/wwwroot", byPath["/usr/lib/carve/wwwroot"].LinkTarget);
    }

    [Fact]
    public async Task Maintainer_scripts_and_conffiles_are_in_the_control_archive()
    {
        var control = Directory.CreateTempSubdirectory("carve-ctrl-").FullName;
        try
        {
            (await DebPackage.RunAsync("dpkg-deb", "-e", DebPackage.FilePath, control)).EnsureSuccess();
            foreach (var script in new[] { "postinst", "prerm", "postrm" })
            {
                var path = Path.Combine(control, script);
                Assert.True(File.Exists(path), $"{script} is missing");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(path));
                (await Processes.RunAsync("sh", ["-n", path])).EnsureSuccess();
                // No maintainer script may stop a guest: the only unit it touches is carved's, and nothing kills.
                var text = await File.ReadAllTextAsync(path);
                Assert.DoesNotContain("kill", text, StringComparison.Ordinal);
                Assert.DoesNotContain("qemu", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("lxc-", text, StringComparison.Ordinal);
                Assert.DoesNotContain("/dev/kvm", text, StringComparison.Ordinal);
            }
            Assert.Equal("/etc/carve/carved.json", (await File.ReadAllTextAsync(Path.Combine(control, "conffiles"))).Trim());
            Assert.Contains(" usr/lib/carve/carved\n", await File.ReadAllTextAsync(Path.Combine(control, "md5sums")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(control, recursive: true);
        }
    }

    [Fact]
    public async Task The_unit_keeps_guests_out_of_the_kill_set_and_starts_the_installed_daemon()
    {
        using var package = await ExtractedPackage.ExtractAsync(DebPackage.FilePath);
        var unit = await File.ReadAllLinesAsync(package.At("/lib/systemd/system/carved.service"));
        string[] Values(string key) => unit.Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]).ToArray();

        Assert.Equal(["notify"], Values("Type"));
        Assert.Equal(["process"], Values("KillMode"));
        Assert.Equal(["on-failure"], Values("Restart"));
        Assert.Equal(["carve"], Values("StateDirectory"));
        Assert.Equal(["carve"], Values("RuntimeDirectory"));
        Assert.Equal(["yes"], Values("RuntimeDirectoryPreserve"));
        Assert.Equal(["infinity"], Values("TasksMax"));
        Assert.Equal(["multi-user.target"], Values("WantedBy"));
        Assert.StartsWith("/usr/sbin/carved ", Values("ExecStart").Single(), StringComparison.Ordinal);
        Assert.True(File.Exists(package.Daemon), "ExecStart's program is not in the package");
        // Sandboxing that QEMU and LXC would inherit (docs/install.md says why each is left out).
        foreach (var inherited in new[] { "ProtectHome", "ProtectSystem", "PrivateTmp", "PrivateDevices", "NoNewPrivileges", "DevicePolicy", "MemoryMax" })
            Assert.Empty(Values(inherited));
    }

    [Fact]
    public async Task No_program_or_library_needs_a_newer_glibc_than_Depends_says()
    {
        var depends = await DebPackage.FieldAsync(DebPackage.FilePath, "Depends");
        var declared = Version.Parse(LibcDepends().Match(depends).Groups["version"].Value);
        using var package = await ExtractedPackage.ExtractAsync(DebPackage.FilePath);
        var newest = new Version(2, 0);
        var checkedFiles = new List<string>();
        foreach (var file in Directory.EnumerateFiles(package.Root, "*", SearchOption.AllDirectories))
        {
            if (new FileInfo(file).LinkTarget is not null || !IsElf(file))
                continue;
            checkedFiles.Add(Path.GetFileName(file));
            var symbols = (await Processes.RunAsync("readelf", ["--dyn-syms", "--wide", file])).EnsureSuccess().Stdout;
            foreach (Match m in GlibcVersion().Matches(symbols))
            {
                var needed = Version.Parse(m.Groups["version"].Value);
                Assert.True(needed <= declared, $"{file} needs GLIBC_{needed}, Depends says libc6 (>= {declared})");
                if (needed > newest)
                    newest = needed;
            }
        }
        Assert.Subset(checkedFiles.ToHashSet(), new HashSet<string> { "carved", "carve", "libe_sqlite3.so" });
        Assert.Equal(declared, newest);
    }

    private static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0x7f, (byte)'E', (byte)'L', (byte)'F']);
    }

    [GeneratedRegex(@"libc6 \(>= (?<version>[0-9.]+)\)")]
    private static partial Regex LibcDepends();

    [GeneratedRegex(@"@GLIBC_(?<version>[0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();

    private static string[] Relations(string field) =>
        field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(' ')[0]).ToArray();

    private sealed record Entry(char Type, string Mode, string Owner, string Path, string? LinkTarget);

    private static async Task<IReadOnlyList<Entry>> ListAsync(string deb)
    {
        var listing = (await DebPackage.RunAsync("dpkg-deb", "-c", deb)).EnsureSuccess().Stdout;
        var entries = new List<Entry>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var m = ListingLine().Match(line);
            Assert.True(m.Success, $"unexpected dpkg-deb -c line: {line}");
            var path = m.Groups["path"].Value.TrimStart('.').TrimEnd('/');
            entries.Add(new Entry(m.Groups["mode"].Value[0], m.Groups["mode"].Value, m.Groups["owner"].Value, path.Length == 0 ? "/" : path,
                m.Groups["target"].Success ? m.Groups["target"].Value : null));
        }
        return entries;
    }

    [GeneratedRegex(@"^(?<mode>[-dl][rwxsStT-]{9}) (?<owner>\S+)\s+\d+ \S+ \S+ (?<path>.+?)(?: -> (?<target>.+))?$")]
    private static partial Regex ListingLine();
}
