using System.Diagnostics;
using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;
using Xunit.Abstractions;

namespace Carve.Packaging.Tests;

/// <summary>
/// The package in a Debian bookworm root made with debootstrap from the host's mirror (cached under
/// CARVE_TEST_CACHE/bookworm-root, with its dependencies installed by apt; see Support/bookworm-root.sh): apt installs
/// it, its programs run there without any .NET installed, the unit passes systemd-analyze verify there, and the
/// maintainer scripts do the right thing without systemd running (as in this chroot): install, upgrade, remove,
/// purge. The first run takes about a minute (debootstrap and the dependencies); later runs reuse both.
/// </summary>
public sealed class BookwormInstallTests(ITestOutputHelper output)
{
    private static string Script => Path.Combine(DebPackage.RepoRoot, "tests", "Carve.Packaging.Tests", "Support", "bookworm-root.sh");

    [Fact]
    public async Task Apt_installs_it_into_bookworm_and_its_programs_run_there()
    {
        await using var root = await BookwormRoot.UpAsync(DebPackage.FilePath, output);
        var install = await root.InstallAsync(DebPackage.FilePath, "apt-get", "install", "-y");
        Assert.Contains("Setting up carve", install.Stdout, StringComparison.Ordinal);

        // No system-wide .NET there: carved runs on what the package brought.
        Assert.False(File.Exists(root.At("/usr/bin/dotnet")) || Directory.Exists(root.At("/usr/share/dotnet")), "the root has a .NET of its own");
        var version = (await root.ChrootAsync("carve", "--version")).EnsureSuccess().Stdout.Trim();
        Assert.StartsWith(DebPackage.UpstreamVersion, version, StringComparison.Ordinal);
        Assert.StartsWith(DebPackage.UpstreamVersion, (await root.ChrootAsync("carved", "--version")).EnsureSuccess().Stdout.Trim(), StringComparison.Ordinal);
        var help = (await root.ChrootAsync("carved", "--help")).EnsureSuccess().Stdout;
        Assert.Contains("--data-dir", help, StringComparison.Ordinal);
        Assert.Contains("--run-dir", help, StringComparison.Ordinal);
        // Its manual pages are where man looks.
        var page = (await root.ChrootAsync("env", "MANWIDTH=80", "man", "--warnings", "carved")).EnsureSuccess();
        Assert.Contains("KillMode=process", page.Stdout, StringComparison.Ordinal);
        Assert.Equal("", page.Stderr);

        // The unit as installed, against bookworm's systemd (not running: only the syntax and the paths count).
        var verify = await root.ChrootAsync("systemd-analyze", "verify", "/lib/systemd/system/carved.service");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Equal("", verify.Stderr.Trim());

        // Without systemd running: enabled for the next boot, nothing started.
        Assert.Equal("/lib/systemd/system/carved.service",
            new FileInfo(root.At("/etc/systemd/system/multi-user.target.wants/carved.service")).LinkTarget);
        Assert.DoesNotContain(Processes.FindByArgument("/usr/lib/carve/carved"), root.Owns);

        // A host without KVM (this root has no /dev/kvm, nor /sys): the installed carved starts as the unit would start
        // it, and host check says what is missing.
        Assert.False(File.Exists(root.At("/dev/kvm")));
        using (var carved = root.Start("/usr/sbin/carved", "--config", "/etc/carve/carved.json", "--listen", "none"))
        {
            try
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!File.Exists(root.At("/run/carve/carved.sock")))
                {
                    Assert.False(carved.HasExited, "carved exited in the bookworm root");
                    Assert.True(DateTime.UtcNow < deadline, "carved did not start in the bookworm root");
                    await Task.Delay(100);
                }
                var check = await root.ChrootAsync("carve", "host", "check");
                Assert.Contains("[FAIL] kvm: KVM is not available", check.Stdout, StringComparison.Ordinal);
            }
            finally
            {
                carved.Kill();
                await carved.WaitForExitAsync();
            }
        }

        // An upgrade (prerm upgrade, postinst configure OLD) without systemd: nothing to restart, and no error.
        var revision2 = await DebPackage.BuildRevisionAsync(2, root.Work);
        var upgrade = await root.InstallAsync(revision2, "dpkg", "-i");
        Assert.Contains($"Unpacking carve ({DebPackage.UpstreamVersion}-2) over ({DebPackage.Version})", upgrade.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{DebPackage.UpstreamVersion}-2", (await root.ChrootAsync("dpkg-query", "-W", "carve")).EnsureSuccess().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_keeps_the_data_dir_and_purge_deletes_it_only_when_no_guest_is_defined()
    {
        await using var root = await BookwormRoot.UpAsync(DebPackage.FilePath, output);
        await root.InstallAsync(DebPackage.FilePath, "apt-get", "install", "-y");
        // A data dir with one guest, as carved's schema has it (only the guests table matters to postrm).
        Directory.CreateDirectory(root.At("/var/lib/carve/pools/local"));
        await File.WriteAllTextAsync(root.At("/var/lib/carve/pools/local/vm-100-disk0.qcow2"), "a disk");
        (await root.ChrootAsync("sqlite3", "/var/lib/carve/carve.db",
            "PRAGMA journal_mode=WAL; CREATE TABLE guests (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE); INSERT INTO guests VALUES (100, 'web');")).EnsureSuccess();

        (await root.ChrootAsync("dpkg", "-r", "carve")).EnsureSuccess();
        Assert.False(File.Exists(root.At("/usr/lib/carve/carved")));
        Assert.True(File.Exists(root.At("/var/lib/carve/carve.db")), "remove deleted the database");
        Assert.True(File.Exists(root.At("/etc/carve/carved.json")), "remove deleted the conffile");

        var refused = (await root.ChrootAsync("dpkg", "--purge", "carve")).EnsureSuccess();
        Assert.Contains("keeping /var/lib/carve: 1 guest(s) are defined there", refused.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(root.At("/var/lib/carve/pools/local/vm-100-disk0.qcow2")), "purge deleted a guest's disk");
        Assert.False(File.Exists(root.At("/etc/carve/carved.json")), "purge kept the conffile");

        // Once the guest is gone, purge deletes the data dir.
        await root.InstallAsync(DebPackage.FilePath, "apt-get", "install", "-y");
        (await root.ChrootAsync("sqlite3", "/var/lib/carve/carve.db", "DELETE FROM guests;")).EnsureSuccess();
        (await root.ChrootAsync("apt-get", "purge", "-y", "carve")).EnsureSuccess();
        Assert.False(Directory.Exists(root.At("/var/lib/carve")), "purge kept an empty data dir");
        Assert.True(File.Exists(root.At("/usr/bin/qemu-img")), "purge took a dependency with it");
    }

    /// <summary>One overlay root from bookworm-root.sh, unmounted and removed when disposed.</summary>
    private sealed class BookwormRoot : IAsyncDisposable
    {
        private BookwormRoot(string work) => Work = work;

        public string Work { get; }

        public string Root => Path.Combine(Work, "root");

        public static async Task<BookwormRoot> UpAsync(string deb, ITestOutputHelper output)
        {
            var root = new BookwormRoot(Directory.CreateTempSubdirectory("carve-bookworm-").FullName);
            var started = DateTime.UtcNow;
            var up = await DebPackage.RunAsync(Script, "up", deb, root.Work);
            output.WriteLine($"bookworm root ready in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            if (up.ExitCode != 0)
            {
                await root.DisposeAsync();
                throw new Xunit.Sdk.XunitException($"bookworm-root.sh up failed:\n{up.Stderr}");
            }
            return root;
        }

        public string At(string installedPath) => Path.Combine(Root, installedPath.TrimStart('/'));

        /// <summary>True when the process runs inside this root.</summary>
        public bool Owns(int pid)
        {
            try
            {
                return new DirectoryInfo($"/proc/{pid}/root").LinkTarget?.StartsWith(Root, StringComparison.Ordinal) == true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <summary>A program started in the root and left running; the caller stops it.</summary>
        public Process Start(params string[] command)
        {
            var psi = new ProcessStartInfo("chroot") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Root }.Concat(command))
                psi.ArgumentList.Add(a);
            var process = Process.Start(psi)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        public Task<CommandResult> ChrootAsync(params string[] command) =>
            Processes.RunAsync("env", ["DEBIAN_FRONTEND=noninteractive", "LC_ALL=C.UTF-8", "chroot", Root, .. command], timeout: TimeSpan.FromMinutes(5));

        /// <summary>Copies the package into the root and installs it with apt-get install ./FILE or dpkg -i FILE.</summary>
        public async Task<CommandResult> InstallAsync(string deb, params string[] installer)
        {
            var inside = "/tmp/" + Path.GetFileName(deb);
            File.Copy(deb, At(inside), overwrite: true);
            return (await ChrootAsync([.. installer, inside])).EnsureSuccess();
        }

        public async ValueTask DisposeAsync() => await DebPackage.RunAsync(Script, "down", Work);
    }
}
