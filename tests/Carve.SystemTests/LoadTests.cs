using Carve.Load;
using Carve.SystemTests.Harness;
using Xunit.Abstractions;

namespace Carve.SystemTests;

/// <summary>
/// Issue 18's load, bounded: 8 writer clients cycling containers of their own (create, start, snapshot, stop, delete)
/// and 2 readers listing everything, over HTTPS for 30 s; the invariants must hold after. No assertion on speed: the
/// figures are printed, and the long run is ./bench/run.sh load.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Eight_writers_and_two_readers_for_30_s_leave_no_guest_lock_task_volume_or_monitor_behind()
    {
        var port = LoopbackPort.Free();
        await using var d = await DaemonProcess.StartAsync(listen: $"127.0.0.1:{port}");
        var target = new LoadTarget(d.Socket, new Uri($"https://127.0.0.1:{port}"), d.Pid, d.DataDir);

        var result = await LoadRun.RunAsync(target, new LoadOptions { Writers = 8, Readers = 2, Duration = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        output.WriteLine(LoadReport.Format(result));
        Assert.Empty(result.BrokenInvariants);
        Assert.Equal(0, result.Recorder.Total(ErrorKind.ServerError));
        Assert.Equal(0, result.UnexpectedErrors);
        Assert.True(result.Cycles > 0, "no writer finished a cycle");
        Assert.True(Processes.IsRunning(d.Pid), "carved died under the load");
    }
}
