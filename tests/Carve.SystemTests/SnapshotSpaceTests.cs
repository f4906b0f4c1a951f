using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>A pool that runs full during a snapshot: a clear error, no snapshot listed, and the guests as they were.</summary>
public sealed class SnapshotSpaceTests
{
    [Fact]
    public async Task SnapshotsOnAFullPoolFailClearlyAndLoseNothing()
    {
        await using var small = new PoolMount();
        await using var d = await DaemonProcess.StartWithPoolAsync("small", "dir", root =>
            small.MountAsync(root, "small", _ => Task.FromResult<string[]>(["-t", "tmpfs", "-o", "size=48M", "tmpfs"])));
        var mount = small.Path!;
        (await d.CarveAsync("ct", "create", "box", "--template", "busybox", "--memory", "64", "--pool", "small", "--start")).EnsureSuccess();
        (await d.CarveAsync("ct", "exec", "box", "--", "sh", "-c", "echo keep > /root/a")).EnsureSuccess();
        (await d.CreateDirectBootVmAsync("ram", "--disk", "size=16M,pool=small")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "ram")).EnsureSuccess();
        await d.WaitForConsoleAsync("ram", TimeSpan.FromSeconds(150), "CARVE-READY");
        // Fill the pool to the last byte (dd fails when it is full, as intended).
        await Processes.RunAsync("dd", ["if=/dev/zero", $"of={Path.Combine(mount, "filler")}", "bs=64k"]);

        var ct = await d.CarveAsync("snapshot", "create", "box", "s1");
        Assert.Equal(1, ct.ExitCode);
        Assert.Contains("No space left on device", ct.Stderr, StringComparison.Ordinal);
        var memory = await d.CarveAsync("snapshot", "create", "ram", "m1", "--memory");
        Assert.Equal(1, memory.ExitCode);
        Assert.Contains("free", memory.Stderr, StringComparison.Ordinal);
        var disks = await d.CarveAsync("snapshot", "create", "ram", "d1");
        Assert.Equal(1, disks.ExitCode);
        Assert.Contains("could not take the snapshot", disks.Stderr, StringComparison.Ordinal);

        foreach (var guest in new[] { "box", "ram" })
            Assert.Equal(0, Json.Parse(await d.CarveAsync("snapshot", "list", guest, "-o", "json")).GetArrayLength());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(mount, ".snapshots", "ct-100-rootfs")));
        Assert.Equal("keep\n", (await d.CarveAsync("ct", "exec", "box", "--", "cat", "/root/a")).EnsureSuccess().Stdout);
        Assert.Equal("running", (await d.ShowAsync("ram")).GetProperty("status").GetString());

        // With room again, the same snapshots work and the disk image is sound.
        File.Delete(Path.Combine(mount, "filler"));
        (await d.CarveAsync("snapshot", "create", "box", "s1")).EnsureSuccess();
        (await d.CarveAsync("snapshot", "create", "ram", "d1")).EnsureSuccess();
        (await d.CarveAsync("vm", "stop", "ram")).EnsureSuccess();
        var check = await Processes.RunAsync("qemu-img", ["check", Path.Combine(mount, "vm-101-disk0.qcow2")]);
        // 0: clean; 3: only clusters leaked by the write that hit ENOSPC (space, "no harm to data"). 2 would be corruption.
        Assert.True(check.ExitCode is 0 or 3, $"qemu-img check: {check.ExitCode}\n{check.Stdout}{check.Stderr}");
        (await d.CarveAsync("ct", "delete", "box", "--force")).EnsureSuccess();
        (await d.CarveAsync("vm", "delete", "ram")).EnsureSuccess();
    }
}
