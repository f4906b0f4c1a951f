using Carve.Host.Processes;
using Carve.Lxc.Native;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Lxc.Tests.Templates;

public sealed class BusyboxTemplateTests : IDisposable
{
    private readonly TempDirectory _dir = new("carve-tpl");

    public void Dispose() => _dir.Dispose();

    private TemplateStore Store(string busybox = "/bin/busybox") =>
        new(_dir.Sub("templates"), new ProcessRunner(), NullLogger<TemplateStore>.Instance, busybox);

    [BusyboxFact]
    public async Task The_busybox_template_has_the_binary_its_applets_and_an_inittab()
    {
        var store = Store();
        var rootfs = await store.EnsureBusyboxAsync(CancellationToken.None);

        Assert.True(ElfFile.IsStatic(Path.Combine(rootfs, "bin/busybox")));
        foreach (var applet in new[] { "bin/sh", "sbin/init", "bin/mount", "usr/bin/tr", "sbin/poweroff" })
            Assert.Equal("/bin/busybox", new FileInfo(Path.Combine(rootfs, applet)).LinkTarget);
        var inittab = File.ReadAllText(Path.Combine(rootfs, "etc/inittab"));
        Assert.Contains("::respawn:-/bin/sh", inittab, StringComparison.Ordinal);
        Assert.StartsWith("root:x:0:0:", File.ReadAllText(Path.Combine(rootfs, "etc/passwd")), StringComparison.Ordinal);
        Assert.StartsWith("root:x:0:", File.ReadAllText(Path.Combine(rootfs, "etc/group")), StringComparison.Ordinal);
        Assert.Equal(0x3FFu, Libc.LStat(Path.Combine(rootfs, "tmp"))!.Mode & 0xFFF);
        Assert.True(store.IsReady(TemplateStore.Busybox));
        // No scratch directories left behind.
        Assert.Equal(["busybox"], Directory.EnumerateDirectories(store.TemplatesDir).Select(Path.GetFileName));
    }

    [BusyboxFact]
    public async Task It_is_built_once_and_then_reused()
    {
        var store = Store();
        var first = await store.EnsureBusyboxAsync(CancellationToken.None);
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(first, "etc/inittab"));
        var second = await store.EnsureBusyboxAsync(CancellationToken.None);
        Assert.Equal(first, second);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(second, "etc/inittab")));
    }

    [Fact]
    public async Task A_dynamic_busybox_is_refused_with_the_package_to_install()
    {
        // /bin/ls is dynamically linked on Debian.
        var e = await Assert.ThrowsAsync<Carve.Core.Errors.OperationFailedException>(() => Store("/bin/ls").EnsureBusyboxAsync(CancellationToken.None));
        Assert.Contains("busybox-static", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Busybox_is_always_listed_ready_and_debian_only_once_built()
    {
        var list = Store().List();
        Assert.Contains(list, t => t is { Name: "busybox", Ready: true, Source: "builtin" });
        Assert.Contains(list, t => t is { Name: "debian", Ready: false, Source: "debootstrap" });
    }

    [BusyboxFact]
    public async Task A_container_copy_is_shifted_into_the_id_range()
    {
        var store = Store();
        var target = _dir.Sub("ct-rootfs");
        Directory.CreateDirectory(target);
        await store.PopulateAsync("busybox", target, new IdMapping(100000, 65536), new RecordingTaskContext(), CancellationToken.None);
        Assert.Equal(100000, Libc.LStat(target)!.Uid);
        Assert.Equal(100000, Libc.LStat(Path.Combine(target, "bin/sh"))!.Uid);
        Assert.Equal(100000, Libc.LStat(Path.Combine(target, "etc/shadow"))!.Gid);
        // The template itself stays owned by host root.
        Assert.Equal(0, Libc.LStat(Path.Combine(store.RootfsOf("busybox"), "bin/sh"))!.Uid);
    }

    [Fact]
    public async Task An_unbuilt_template_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<Carve.Core.Errors.BadRequestException>(() =>
            Store().PopulateAsync("debian", _dir.Path, null, new RecordingTaskContext(), CancellationToken.None));
        Assert.Contains("carve template build debian", e.Message, StringComparison.Ordinal);
    }
}
