using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// Carve's database on a full or read-only disk: changes are refused with a clear error, reads go on, and it
/// recovers once the disk is fixed, without a restart.
/// </summary>
public sealed class DatabaseFullTests
{
    [Fact]
    public async Task A_full_data_disk_refuses_changes_clearly_serves_reads_and_recovers()
    {
        await using var data = new PoolMount();
        await using var d = await DaemonProcess.StartInAsync(root =>
            data.MountAsync(root, "data", _ => Task.FromResult<string[]>(["-t", "tmpfs", "-o", "size=24M", "tmpfs"])));
        (await d.CarveAsync("vm", "create", "kept", "--memory", "64")).EnsureSuccess();
        var filler = Path.Combine(d.DataDir, "filler");
        // Fill the data dir's filesystem to the last byte (dd fails when it is full, as intended).
        await Processes.RunAsync("dd", ["if=/dev/zero", $"of={filler}", "bs=64k"]);

        var refused = await d.CarveAsync("vm", "create", "refused", "--memory", "64");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Carve's database is on a full disk", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal error", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(["kept"], Names(await d.CarveAsync("vm", "list", "-o", "json")));
        (await d.CarveAsync("vm", "show", "kept")).EnsureSuccess();
        (await d.CarveAsync("task", "list")).EnsureSuccess();

        File.Delete(filler);
        (await d.CarveAsync("vm", "create", "refused", "--memory", "64")).EnsureSuccess();
        Assert.Equal(["kept", "refused"], Names(await d.CarveAsync("vm", "list", "-o", "json")));
    }

    [Fact]
    public async Task A_data_disk_remounted_read_only_refuses_changes_clearly_serves_reads_and_recovers()
    {
        await using var data = new PoolMount();
        await using var d = await DaemonProcess.StartInAsync(root =>
            data.MountAsync(root, "data", _ => Task.FromResult<string[]>(["-t", "tmpfs", "-o", "size=24M", "tmpfs"])));
        (await d.CarveAsync("vm", "create", "kept", "--memory", "64")).EnsureSuccess();
        // A host that came up with the data disk read-only (errors=remount-ro after an I/O error, or a failed fsck).
        // A running carved holds the database open for writing, so only the kernel itself could remount it under it.
        await d.StopAsync();
        (await Processes.RunAsync("mount", ["-o", "remount,ro", d.DataDir])).EnsureSuccess();
        await d.LaunchAsync();

        var refused = await d.CarveAsync("vm", "create", "refused", "--memory", "64");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Carve's database is read-only", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal error", refused.Stderr, StringComparison.Ordinal);
        var renamed = await d.CarveAsync("vm", "set", "kept", "--description", "changed");
        Assert.Equal(1, renamed.ExitCode);
        Assert.Contains("read-only", renamed.Stderr, StringComparison.Ordinal);
        Assert.Equal(["kept"], Names(await d.CarveAsync("vm", "list", "-o", "json")));
        (await d.CarveAsync("vm", "show", "kept")).EnsureSuccess();
        (await d.CarveAsync("task", "list")).EnsureSuccess();

        (await Processes.RunAsync("mount", ["-o", "remount,rw", d.DataDir])).EnsureSuccess();
        (await d.CarveAsync("vm", "create", "refused", "--memory", "64")).EnsureSuccess();
        Assert.Equal(["kept", "refused"], Names(await d.CarveAsync("vm", "list", "-o", "json")));
    }

    private static string[] Names(CommandResult list) =>
        [.. Json.Parse(list).EnumerateArray().Select(g => g.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
}
