using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Snapshots of a real container's root file system on the dir pool.</summary>
public sealed class ContainerSnapshotTests
{
    [Fact]
    public async Task RollbackRestoresFilesChangedAfterTheSnapshot()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("ct", "create", "box", "--template", "busybox", "--memory", "128", "--start")).EnsureSuccess();
        (await d.CarveAsync("ct", "exec", "box", "--", "sh", "-c", "echo one > /root/a")).EnsureSuccess();
        // Taken while the container runs: it is frozen during the copy.
        (await d.CarveAsync("snapshot", "create", "box", "s1")).EnsureSuccess();
        (await d.CarveAsync("ct", "exec", "box", "--", "sh", "-c", "echo two > /root/a; echo new > /root/b")).EnsureSuccess();
        (await d.CarveAsync("ct", "set", "box", "--memory", "192")).EnsureSuccess();
        Assert.Equal("running", (await d.ShowCtAsync("box")).GetProperty("status").GetString());

        (await d.CarveAsync("snapshot", "rollback", "box", "s1")).EnsureSuccess();
        Assert.Equal("stopped", (await d.ShowCtAsync("box")).GetProperty("status").GetString());
        (await d.CarveAsync("ct", "start", "box")).EnsureSuccess();
        var files = (await d.CarveAsync("ct", "exec", "box", "--", "sh", "-c", "cat /root/a; ls /root")).EnsureSuccess();
        Assert.Equal("one\na\n", files.Stdout);
        // The memory limit went back with the files, in the config and in the cgroup of the started container.
        var box = await d.ShowCtAsync("box");
        Assert.Equal(128, box.GetProperty("config").GetProperty("memoryMiB").GetInt32());
        Assert.Equal(128L * 1024 * 1024, box.GetProperty("runtime").GetProperty("memoryLimitBytes").GetInt64());

        // A clone from the snapshot is a container of its own, with the snapshot's files.
        (await d.CarveAsync("clone", "box", "copy", "--snapshot", "s1")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "copy")).EnsureSuccess();
        Assert.Equal("one\n", (await d.CarveAsync("ct", "exec", "copy", "--", "cat", "/root/a")).EnsureSuccess().Stdout);
        Assert.Equal("copy\n", (await d.CarveAsync("ct", "exec", "copy", "--", "hostname")).EnsureSuccess().Stdout);

        var withRam = await d.CarveAsync("snapshot", "create", "box", "ram", "--memory");
        Assert.Equal(1, withRam.ExitCode);
        (await d.CarveAsync("snapshot", "delete", "box", "s1")).EnsureSuccess();
        Assert.Empty(Directory.GetDirectories(Path.Combine(d.DataDir, "pools", "local", ".snapshots", "ct-100-rootfs")));
        foreach (var ct in new[] { "box", "copy" })
            (await d.CarveAsync("ct", "delete", ct, "--force")).EnsureSuccess();
    }
}
