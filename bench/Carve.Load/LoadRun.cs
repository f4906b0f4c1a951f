using System.Diagnostics;
using Carve.Client;
using Carve.Contracts.Containers;

namespace Carve.Load;

/// <summary>
/// Runs writers and readers against carved over HTTPS for the options' duration, samples carved's RSS meanwhile, and
/// checks the invariants after. A keeper container runs through it all: a guest no client touches must come out as it
/// went in (same init process), and it gives the final checks a running container to tell right from wrong.
/// </summary>
public static class LoadRun
{
    private const string KeeperSuffix = "keeper";

    public static async Task<LoadResult> RunAsync(LoadTarget target, LoadOptions options, CancellationToken ct)
    {
        using var local = target.SocketClient();
        var keeper = $"{options.NamePrefix}-{KeeperSuffix}";
        try
        {
            var keeperInit = await StartKeeperAsync(local, keeper, ct);
            var newClient = await target.HttpsClientsAsync(ct);
            var recorder = new LoadRecorder();
            var sampler = new RssSampler(target.Pid, options.RssInterval);
            using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var sampling = sampler.RunAsync(stopSampling.Token);
            var started = Stopwatch.GetTimestamp();
            var (cycles, deadline) = (0, DateTime.UtcNow + options.Duration);
            var clients = Enumerable.Range(0, options.Writers + options.Readers).Select(_ => newClient()).ToList();
            try
            {
                var writers = clients.Take(options.Writers).Select((c, i) => new LoadWriter(c, recorder, options.NamePrefix, i)).ToList();
                var readers = clients.Skip(options.Writers).Select(c => new LoadReader(c, recorder));
                await Task.WhenAll([.. writers.Select(w => w.RunAsync(deadline, ct)), .. readers.Select(r => r.RunAsync(deadline, ct))]);
                cycles = writers.Sum(w => w.Cycles);
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
                await stopSampling.CancelAsync();
                await sampling;
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            var broken = new List<string>(await KeeperChangesAsync(local, keeper, keeperInit, ct));
            broken.AddRange(await LoadInvariants.CheckAsync(local, target.DataDir, options.NamePrefix, ct));
            return new LoadResult(options, elapsed, recorder, cycles, sampler.Samples, broken);
        }
        finally
        {
            // Containers outlive carved by design: the keeper goes before the daemon does.
            if ((await local.ListCtsAsync(CancellationToken.None)).Any(c => c.Name == keeper))
                await local.WaitTaskAsync((await local.DeleteCtAsync(keeper, true, CancellationToken.None)).TaskId, CancellationToken.None);
        }
    }

    private static async Task<int?> StartKeeperAsync(CarveClient local, string name, CancellationToken ct)
    {
        await local.WaitTaskAsync((await local.CreateCtAsync(new CreateCtRequest { Name = name, Template = "busybox", MemoryMiB = 64 }, ct)).TaskId, ct);
        await local.WaitTaskAsync((await local.StartCtAsync(name, ct)).TaskId, ct);
        return (await local.GetCtAsync(name, ct)).Runtime?.InitPid;
    }

    private static async Task<IEnumerable<string>> KeeperChangesAsync(CarveClient local, string name, int? initPid, CancellationToken ct)
    {
        var keeper = await local.GetCtAsync(name, ct);
        return keeper.Status == "running" && keeper.Runtime?.InitPid == initPid
            ? []
            : [$"The keeper {name}, which no client touched, is {keeper.Status} with init {keeper.Runtime?.InitPid} (was running with {initPid})."];
    }
}
