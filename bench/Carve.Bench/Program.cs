using Carve.Bench;

// Benchmarks of Carve against the raw tools. Usage: Carve.Bench start|idle|cli|list|metrics|ct|import|hardware|net|snapshot|vnc [--iterations N]
// and the API load, never part of "all": Carve.Bench load [--clients 50] [--readers N] [--seconds 300]
// Needs root, a built out/ (./build.sh) and the cached test guest (tests/fixtures/build-test-guest.sh).
var outDir = Environment.GetEnvironmentVariable("CARVE_OUT") ?? Path.GetFullPath("out");
var cache = Environment.GetEnvironmentVariable("CARVE_TEST_CACHE") ?? "/var/cache/carve-test";
var what = args.FirstOrDefault() ?? "all";
var iterations = Option("--iterations", 10);

if (what is "load")
{
    var clients = Option("--clients", 50);
    // One reader for every five writers: a few dashboards and scripts listing while the writers work.
    await LoadBench.RunAsync(outDir, cache, clients, Option("--readers", Math.Max(1, clients / 5)), Option("--seconds", 300));
    return;
}

if (what is "start" or "all")
    await StartOverheadBench.RunAsync(outDir, cache, iterations);
if (what is "idle" or "all")
    await IdleDaemonBench.RunAsync(outDir, cache);
if (what is "cli" or "all")
    await CliBench.RunAsync(outDir, cache, iterations);
if (what is "ct" or "all")
    await ContainerBench.RunAsync(outDir, cache, iterations);
if (what is "list" or "all")
    await ListingBench.RunAsync(outDir, cache);
if (what is "metrics" or "all")
    await MetricsBench.RunAsync(outDir, cache);
if (what is "hardware" or "all")
    await HardwareBench.RunAsync(outDir, cache, iterations);
if (what is "net" or "all")
    await NetworkBench.RunAsync(outDir, cache, iterations);
if (what is "vnc" or "all")
    await VncProxyBench.RunAsync(outDir, cache, iterations * 20);
if (what is "import" or "all")
    await ImportBench.RunAsync(outDir, cache, Math.Min(iterations, 5));
if (what is "snapshot" or "all")
    await SnapshotBench.RunAsync(outDir, cache, Math.Min(iterations, 5));

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
