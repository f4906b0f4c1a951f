using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Real LXC containers through the real daemon and CLI.</summary>
public sealed class ContainerTests
{
    [Fact]
    public async Task BusyboxContainerStartsExecsWithStdinAndExitCodeAndStops()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("ct", "create", "box", "--template", "busybox", "--memory", "128")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "box")).EnsureSuccess();

        var exec = await d.CarveWithInputAsync("hi\n", "ct", "exec", "box", "--", "sh", "-c", "read x; echo got-$x; echo oops >&2; exit 7");
        Assert.Equal(7, exec.ExitCode);
        Assert.Equal("got-hi\n", exec.Stdout);
        Assert.Contains("oops", exec.Stderr, StringComparison.Ordinal);

        var ct = await d.ShowCtAsync("box");
        Assert.Equal("running", ct.GetProperty("status").GetString());
        Assert.True(ct.GetProperty("runtime").GetProperty("initPid").GetInt32() > 1);
        Assert.False(ct.GetProperty("config").GetProperty("privileged").GetBoolean());
        var list = Json.Parse(await d.CarveAsync("list", "-o", "json"));
        Assert.Contains(list.EnumerateArray(), g => g.GetProperty("type").GetString() == "ct" && g.GetProperty("name").GetString() == "box");

        (await d.CarveAsync("ct", "stop", "box")).EnsureSuccess();
        Assert.Equal("stopped", (await d.ShowCtAsync("box")).GetProperty("status").GetString());
        (await d.CarveAsync("ct", "delete", "box")).EnsureSuccess();
        Assert.NotEqual(0, (await d.CarveAsync("ct", "show", "box")).ExitCode);
    }

    [Fact]
    public async Task MemoryHogIsOomKilledAndReported()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("ct", "create", "hog", "--template", "busybox", "--memory", "64", "--start")).EnsureSuccess();
        // 200 MB held in a shell variable: far past the 64 MiB limit.
        var exec = await d.CarveAsync("ct", "exec", "hog", "--", "sh", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived ${#x}");
        Assert.DoesNotContain("survived", exec.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, exec.ExitCode);
        var runtime = (await d.ShowCtAsync("hog")).GetProperty("runtime");
        Assert.True(runtime.GetProperty("oomKills").GetInt64() >= 1, "the OOM kill was not reported");
        Assert.Equal(64L << 20, runtime.GetProperty("memoryLimitBytes").GetInt64());
        (await d.CarveAsync("ct", "delete", "hog", "--force")).EnsureSuccess();
    }

    [Fact]
    public async Task BindMountIsVisibleAndReadOnlyWhenAsked()
    {
        await using var d = await DaemonProcess.StartAsync();
        var media = Directory.CreateDirectory(Path.Combine(d.Root, "media")).FullName;
        await File.WriteAllTextAsync(Path.Combine(media, "hello.txt"), "from-the-host");
        (await d.CarveAsync("ct", "create", "media", "--template", "busybox", "--mount", $"{media}:/media:ro", "--start")).EnsureSuccess();
        var read = await d.CarveAsync("ct", "exec", "media", "--", "cat", "/media/hello.txt");
        Assert.Equal(0, read.ExitCode);
        Assert.Equal("from-the-host", read.Stdout);
        var write = await d.CarveAsync("ct", "exec", "media", "--", "touch", "/media/new");
        Assert.NotEqual(0, write.ExitCode);
        Assert.False(File.Exists(Path.Combine(media, "new")));
        (await d.CarveAsync("ct", "delete", "media", "--force")).EnsureSuccess();
        Assert.True(File.Exists(Path.Combine(media, "hello.txt")), "deleting the container touched the bind-mounted host dir");
    }

    [Fact]
    public async Task ContainerSurvivesKillDashNineOfTheDaemon()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("ct", "create", "keeper", "--template", "busybox", "--start")).EnsureSuccess();
        var init = (await d.ShowCtAsync("keeper")).GetProperty("runtime").GetProperty("initPid").GetInt32();

        await d.KillHardAsync();
        Assert.True(Processes.IsRunning(init), "the container died with the daemon");
        await d.LaunchAsync();

        var ct = await d.ShowCtAsync("keeper");
        Assert.Equal("running", ct.GetProperty("status").GetString());
        Assert.Equal(init, ct.GetProperty("runtime").GetProperty("initPid").GetInt32());
        Assert.Equal(1, (await d.CarveAsync("ct", "start", "keeper")).ExitCode);
        Assert.Equal("alive\n", (await d.CarveAsync("ct", "exec", "keeper", "--", "echo", "alive")).Stdout);
        (await d.CarveAsync("ct", "stop", "keeper")).EnsureSuccess();
        Assert.False(Processes.IsRunning(init));
    }

    [Fact]
    public async Task BadInputGetsOneClearSentenceAndCreatesNothing()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("taken")).EnsureSuccess();
        var clash = await d.CarveAsync("ct", "create", "taken", "--template", "busybox");
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("already used", clash.Stderr, StringComparison.Ordinal);

        var outside = Path.Combine(d.Root, "rootfs.tar.gz");
        await File.WriteAllBytesAsync(outside, [0x1f, 0x8b]);
        var escaped = await d.CarveAsync("ct", "create", "c1", "--template", outside);
        Assert.Equal(1, escaped.ExitCode);
        Assert.Contains("outside the allowed", escaped.Stderr, StringComparison.Ordinal);

        var missing = await d.CarveAsync("ct", "create", "c2", "--template", "busybox", "--mount", "/no/such/dir:/data");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr, StringComparison.Ordinal);

        var guests = Json.Parse(await d.CarveAsync("list", "-o", "json"));
        Assert.Equal(1, guests.GetArrayLength());
    }
}
