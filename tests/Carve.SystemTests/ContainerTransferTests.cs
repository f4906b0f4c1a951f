using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>carve ct export and import with the real daemon, CLI, zstd and LXC.</summary>
public sealed class ContainerTransferTests
{
    [Fact]
    public async Task Export_then_import_keeps_the_files_and_the_settings()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("ct", "create", "orig", "--template", "busybox", "--cpus", "2", "--memory", "192", "--start")).EnsureSuccess();
        (await d.CarveAsync("ct", "exec", "orig", "--", "sh", "-c", "echo carried > /root/note && chown 1000:1000 /root/note")).EnsureSuccess();
        (await d.CarveAsync("ct", "stop", "orig")).EnsureSuccess();
        var file = Path.Combine(d.ImagesDir, "orig.tar.zst");

        var export = await d.CarveAsync("ct", "export", "orig", "-o", file);

        export.EnsureSuccess();
        Assert.Contains($"Wrote {file}", export.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(d.DataDir, "exports")));
        (await d.CarveAsync("ct", "import", file, "--name", "copy")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "copy")).EnsureSuccess();
        var read = await d.CarveAsync("ct", "exec", "copy", "--", "sh", "-c", "cat /root/note; stat -c %u:%g /root/note; test -e /carve-ct.json || echo no-settings-file");
        Assert.Equal("carried\n1000:1000\nno-settings-file\n", read.Stdout);
        var config = (await d.ShowCtAsync("copy")).GetProperty("config");
        Assert.Equal((2, 192, "orig", false), (config.GetProperty("cpus").GetInt32(), config.GetProperty("memoryMiB").GetInt32(),
            config.GetProperty("hostname").GetString(), config.GetProperty("privileged").GetBoolean()));
        (await d.CarveAsync("ct", "stop", "copy")).EnsureSuccess();

        var outside = Path.Combine(d.Root, "outside.tar.zst");
        File.Copy(file, outside);
        var refused = await d.CarveAsync("ct", "import", outside, "--name", "evil");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("outside the allowed", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Json.Parse(await d.CarveAsync("list", "-o", "json")).GetArrayLength());
    }
}
