using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Carve's database on a full disk: changes are refused with a clear error, reads go on, and it recovers.</summary>
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

    private static string[] Names(CommandResult list) =>
        [.. Json.Parse(list).EnumerateArray().Select(g => g.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
}
