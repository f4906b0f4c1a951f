using Carve.Bench;
using Carve.Load;

/// <summary>
/// Issue 18's load: N writer clients cycling containers of their own and M readers listing everything, over HTTPS on
/// loopback against a real carved, for a while; then the invariants. The long run is 50 writers for 300 s.
/// </summary>
internal static class LoadBench
{
    public static async Task RunAsync(string outDir, string cache, int writers, int readers, int seconds)
    {
        var port = LoopbackPort.Free();
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache, listen: $"127.0.0.1:{port}");
        await BenchDaemon.SettleAsync();
        var target = new LoadTarget(daemon.Socket, new Uri($"https://127.0.0.1:{port}"), daemon.Pid, Path.Combine(daemon.Root, "data"));
        var options = new LoadOptions { Writers = writers, Readers = readers, Duration = TimeSpan.FromSeconds(seconds) };
        var result = await LoadRun.RunAsync(target, options, CancellationToken.None);
        Console.WriteLine(LoadReport.Format(result));
        if (result.BrokenInvariants.Count > 0 || result.UnexpectedErrors > 0)
            Environment.ExitCode = 1;
    }
}
