using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// A btrfs pool on a loop-mounted image the test makes: container root filesystems are subvolumes, and their
/// snapshots and clones are btrfs snapshots (O(1)).
/// </summary>
public sealed class BtrfsPoolTests
{
    [Fact]
    public async Task ContainerSnapshotsAndClonesOnBtrfsAreSubvolumeSnapshots()
    {
        await using var fast = new PoolMount();
        await using var d = await DaemonProcess.StartWithPoolAsync("fast", "btrfs", root => fast.MountAsync(root, "btrfs", async mountPoint =>
        {
            var image = mountPoint + ".img";
            (await Processes.RunAsync("truncate", ["-s", "512M", image])).EnsureSuccess();
            (await Processes.RunAsync("mkfs.btrfs", ["-q", image])).EnsureSuccess();
            return ["-o", "loop", image];
        }));
        var mount = fast.Path!;
        (await d.CarveAsync("ct", "create", "box", "--template", "busybox", "--memory", "128", "--pool", "fast", "--start")).EnsureSuccess();
        (await d.CarveAsync("ct", "exec", "box", "--", "sh", "-c", "echo one > /root/a")).EnsureSuccess();
        (await d.CarveAsync("snapshot", "create", "box", "s1")).EnsureSuccess();
        (await d.CarveAsync("ct", "exec", "box", "--", "sh", "-c", "echo two > /root/a")).EnsureSuccess();

        var snapshots = (await Processes.RunAsync("btrfs", ["subvolume", "list", "-s", mount])).EnsureSuccess().Stdout;
        Assert.Contains(".snapshots/ct-100-rootfs/s1", snapshots, StringComparison.Ordinal);
        var readOnly = (await Processes.RunAsync("btrfs", ["property", "get", Path.Combine(mount, ".snapshots", "ct-100-rootfs", "s1"), "ro"])).EnsureSuccess();
        Assert.Contains("ro=true", readOnly.Stdout, StringComparison.Ordinal);

        (await d.CarveAsync("snapshot", "rollback", "box", "s1")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "box")).EnsureSuccess();
        Assert.Equal("one\n", (await d.CarveAsync("ct", "exec", "box", "--", "cat", "/root/a")).EnsureSuccess().Stdout);

        // The clone is a writable btrfs snapshot of the rollback's subvolume: no data copied.
        (await d.CarveAsync("clone", "box", "copy")).EnsureSuccess();
        snapshots = (await Processes.RunAsync("btrfs", ["subvolume", "list", "-s", mount])).EnsureSuccess().Stdout;
        Assert.Contains(" ct-101-rootfs", snapshots, StringComparison.Ordinal);
        (await d.CarveAsync("ct", "start", "copy")).EnsureSuccess();
        Assert.Equal("one\n", (await d.CarveAsync("ct", "exec", "copy", "--", "cat", "/root/a")).EnsureSuccess().Stdout);

        (await d.CarveAsync("snapshot", "delete", "box", "s1")).EnsureSuccess();
        foreach (var ct in new[] { "box", "copy" })
            (await d.CarveAsync("ct", "delete", ct, "--force")).EnsureSuccess();
        var left = (await Processes.RunAsync("btrfs", ["subvolume", "list", mount])).EnsureSuccess().Stdout;
        Assert.Equal("", left.Trim());
    }
}
