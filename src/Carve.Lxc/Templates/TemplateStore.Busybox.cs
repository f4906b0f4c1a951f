using Carve.Core.Errors;
using Carve.Host.Processes;
using Carve.Lxc.Native;

namespace Carve.Lxc.Templates;

public sealed partial class TemplateStore
{
    private bool BusyboxIsCurrent() =>
        IsReady(Busybox) && TemplateMetadata.TryRead(Path.Combine(TemplatesDir, Busybox))?.Revision == BusyboxRootfs.Revision;

    /// <summary>Builds the busybox template the first time it is needed; later calls find it ready.</summary>
    public async Task<string> EnsureBusyboxAsync(CancellationToken ct)
    {
        if (BusyboxIsCurrent())
            return RootfsOf(Busybox);
        await _build.WaitAsync(ct);
        try
        {
            if (BusyboxIsCurrent())
                return RootfsOf(Busybox);
            if (!File.Exists(busyboxBinary))
                throw new OperationFailedException($"The busybox template needs {busyboxBinary}: install the Debian package busybox-static.");
            if (!ElfFile.IsStatic(busyboxBinary))
                throw new OperationFailedException(
                    $"{busyboxBinary} is linked dynamically and cannot run in a container without libc: install the Debian package busybox-static.");
            var list = await runner.RunAsync(new ProcessSpec(busyboxBinary, ["--list-full"]) { Timeout = TimeSpan.FromSeconds(30) }, ct);
            if (!list.Succeeded)
                throw new OperationFailedException($"{busyboxBinary} --list-full failed: {list.LastErrorLine}");

            var buildDir = NewBuildDir(Busybox);
            try
            {
                var rootfs = Path.Combine(buildDir, "rootfs");
                BusyboxRootfs.Build(rootfs, busyboxBinary, list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                new TemplateMetadata
                {
                    Name = Busybox, Source = "builtin", CreatedAt = DateTimeOffset.UtcNow, SizeBytes = MeasureBytes(rootfs),
                    Description = "BusyBox (static) with a shell on the console and DHCP on its NICs",
                    Revision = BusyboxRootfs.Revision,
                }.Write(buildDir);
                Publish(buildDir, Busybox);
            }
            finally
            {
                DeleteTree(buildDir);
            }
            return RootfsOf(Busybox);
        }
        finally
        {
            _build.Release();
        }
    }
}
