using System.Diagnostics;
using Carve.Host.Processes;
using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Lxc.Tests.Templates;

/// <summary>What a carved killed during a template build or replace leaves, and what the next start makes of it.</summary>
public sealed class TemplateRecoveryTests
{
    private static TemplateStore Store(TempDirectory dir) =>
        new(dir.Sub("templates"), new ProcessRunner(), NullLogger<TemplateStore>.Instance);

    private static void Template(string dir, string marker)
    {
        Directory.CreateDirectory(Path.Combine(dir, "rootfs"));
        File.WriteAllText(Path.Combine(dir, "rootfs", "marker"), marker);
        new TemplateMetadata { Name = "debian", Source = "debootstrap", CreatedAt = DateTimeOffset.UtcNow }.Write(dir);
    }

    [Fact]
    public async Task A_left_build_is_removed_with_the_processes_still_writing_or_chrooted_in_it_and_its_mounts()
    {
        using var dir = new TempDirectory("carve-tpl-rec");
        var store = Store(dir);
        var build = Path.Combine(store.TemplatesDir, ".build-debian-0123456789abcdef0123456789abcdef");
        var rootfs = Path.Combine(build, "rootfs");
        Directory.CreateDirectory(Path.Combine(rootfs, "bin"));
        Directory.CreateDirectory(Path.Combine(rootfs, "proc"));
        File.WriteAllText(Path.Combine(rootfs, "log"), "");
        File.Copy("/bin/busybox", Path.Combine(rootfs, "bin", "busybox"));
        // A writer that names the directory (as debootstrap and its wget do) and one chrooted in it (as its dpkg is).
        using var writer = Process.Start("tail", ["-f", Path.Combine(rootfs, "log")]);
        using var chrooted = Process.Start("chroot", [rootfs, "/bin/busybox", "sleep", "300"]);
        Assert.Equal(0, (await new ProcessRunner().RunAsync(new ProcessSpec("mount", ["-t", "tmpfs", "none", Path.Combine(rootfs, "proc")]), CancellationToken.None)).ExitCode);
        await Task.Delay(200);
        try
        {
            await store.RecoverAsync(CancellationToken.None);

            Assert.True(writer.WaitForExit(10_000), "the writer still runs");
            Assert.True(chrooted.WaitForExit(10_000), "the chrooted process still runs");
            Assert.False(Directory.Exists(build));
            Assert.Empty(TemplateStore.MountPointsBelow(store.TemplatesDir));
        }
        finally
        {
            writer.Kill();
            chrooted.Kill();
        }
    }

    [Fact]
    public async Task A_template_moved_aside_by_a_cut_replace_goes_back_in_place()
    {
        using var dir = new TempDirectory("carve-tpl-rec");
        var store = Store(dir);
        var aside = Path.Combine(store.TemplatesDir, ".old-debian-0123456789abcdef0123456789abcdef");
        Template(aside, "previous");

        await store.RecoverAsync(CancellationToken.None);

        Assert.True(store.IsReady("debian"));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(store.RootfsOf("debian"), "marker")));
        Assert.Empty(Directory.EnumerateDirectories(store.TemplatesDir, ".*"));
    }

    [Fact]
    public async Task A_template_moved_aside_after_its_replacement_is_in_place_is_deleted()
    {
        using var dir = new TempDirectory("carve-tpl-rec");
        var store = Store(dir);
        Template(Path.Combine(store.TemplatesDir, ".old-debian-0123456789abcdef0123456789abcdef"), "previous");
        Template(Path.Combine(store.TemplatesDir, "debian"), "new");

        await store.RecoverAsync(CancellationToken.None);

        Assert.Equal("new", File.ReadAllText(Path.Combine(store.RootfsOf("debian"), "marker")));
        Assert.Empty(Directory.EnumerateDirectories(store.TemplatesDir, ".*"));
    }

    [Fact]
    public async Task With_no_templates_dir_there_is_nothing_to_do()
    {
        using var dir = new TempDirectory("carve-tpl-rec");

        await Store(dir).RecoverAsync(CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(dir.Path, "templates")));
    }
}
