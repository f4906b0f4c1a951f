using System.Diagnostics;
using Carve.Host.Processes;
using Carve.Lxc.Driver;
using Carve.Lxc.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

[Collection(LxcCollection.Name)]
public sealed class TimingTests(ITestOutputHelper output)
{
    private const int Rounds = 5;

    [LxcFact]
    public async Task Driver_start_and_stop_cost_little_more_than_the_raw_lxc_tools()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.CreateAsync("timing");
        var paths = lxc.Driver.Paths(guest);
        await lxc.Driver.StartAsync(guest, lxc.Task(), CancellationToken.None);
        await lxc.Driver.StopAsync(guest, lxc.Task(), CancellationToken.None);

        var driver = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await lxc.Driver.StartAsync(guest, new RecordingTaskContext(), CancellationToken.None);
            await lxc.Driver.StopAsync(guest, new RecordingTaskContext(), CancellationToken.None);
            driver.Add(watch.Elapsed.TotalMilliseconds);
        }

        var raw = new List<double>();
        var target = new[] { "-n", paths.Name, "-P", paths.LxcPath };
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            Assert.True((await lxc.Runner.RunAsync(new ProcessSpec("lxc-start", [.. target, "-d"]), CancellationToken.None)).Succeeded);
            Assert.True((await lxc.Runner.RunAsync(new ProcessSpec("lxc-stop", [.. target, "-k"]), CancellationToken.None)).Succeeded);
            raw.Add(watch.Elapsed.TotalMilliseconds);
        }

        var driverMedian = Median(driver);
        var rawMedian = Median(raw);
        output.WriteLine($"start+stop, median of {Rounds}: driver {driverMedian:0} ms, raw lxc-start -d/lxc-stop -k {rawMedian:0} ms");
        Assert.True(driverMedian < rawMedian + 1000, $"driver {driverMedian:0} ms vs raw {rawMedian:0} ms");
    }

    [LxcFact]
    public async Task Inspecting_is_cheap_enough_for_a_listing_of_hundreds()
    {
        await using var lxc = new LxcHarness(output);
        var running = await lxc.StartedAsync("listed");
        var stopped = lxc.Guest("never-created");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            Assert.True(lxc.Driver.Inspect(running).IsRunning);
            Assert.False(lxc.Driver.Inspect(stopped).IsRunning);
        }
        output.WriteLine($"500 running + 500 stopped inspections: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
