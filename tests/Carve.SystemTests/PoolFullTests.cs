using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// A pool that runs full during a snapshot, a container create or a disk import: a clear error, no snapshot or guest
/// listed, no volume left behind, and the guests as they were.
/// </summary>
public sealed class PoolFullTests
{
    [Fact]
    public async Task SnapshotsCreatesAndImportsOnAFullPoolFailClearlyAndLoseNothing()
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
        Assert.Contains("Pool small is full", ct.Stderr, StringComparison.Ordinal);
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

        // A container whose root file system does not fit, and a disk whose qemu-img convert does not: the same
        // sentence, and nothing of either stays (no guest, no lock, no volume, no .part file).
        var late = await d.CarveAsync("ct", "create", "late", "--template", "busybox", "--memory", "64", "--pool", "small");
        Assert.Equal(1, late.ExitCode);
        Assert.Contains("Pool small is full: it has no room for the root file system of late", late.Stderr, StringComparison.Ordinal);
        var import = await d.CreateDirectBootVmAsync("big", "--disk", $"import={TestGuest.DataDisk},pool=small");
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("Pool small is full: it has no room for volume vm-", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(["box", "ram"], Json.Parse(await d.CarveAsync("list", "-o", "json")).EnumerateArray()
            .Select(g => g.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFileSystemEntries(mount).Select(Path.GetFileName), e => Assert.Matches(@"^(filler|\.snapshots|ct-100-rootfs|vm-101-disk0\.qcow2)$", e));

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
