using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

/// <summary>SLOW the first time: debootstrap runs once, then its template is reused from the test cache.</summary>
[Trait("Category", "Slow")]
[Collection(LxcCollection.Name)]
public sealed class DebianTemplateTests(ITestOutputHelper output)
{
    [DebootstrapFact]
    public async Task A_container_from_the_debootstrapped_template_runs_apt_and_powers_off_cleanly()
    {
        await using var lxc = new LxcHarness(output, DebootstrapFactAttribute.CacheDir);
        if (!lxc.Templates.IsReady(TemplateStore.Debian))
        {
            var build = lxc.Task();
            var view = await lxc.Templates.BuildDebianAsync(TemplateStore.DefaultDebianSuite, build, CancellationToken.None);
            Assert.True(view.Ready);
            Assert.Equal(build.ProgressValues.Order(), build.ProgressValues);
            Assert.Equal(100, build.ProgressValues[^1]);
            Assert.Contains("Unpacking the base system", build.Lines);
            Assert.Empty(Directory.EnumerateDirectories(lxc.Templates.TemplatesDir, ".build-*"));
        }
        Assert.Contains(lxc.Templates.List(), t => t is { Name: "debian", Ready: true, Source: "debootstrap" });

        var guest = await lxc.StartedAsync("deb", c => c with { Template = TemplateStore.Debian, MemoryMiB = 256 });
        var apt = await lxc.ExecAsync(guest, ["apt", "--version"]);
        Assert.Equal(0, apt.ExitCode);
        Assert.StartsWith("apt 2.", apt.Stdout, StringComparison.Ordinal);
        Assert.Equal("deb\n", (await lxc.ExecAsync(guest, ["hostname"])).Stdout);
        Assert.Equal("root\n", (await lxc.ExecAsync(guest, ["stat", "-c", "%U", "/usr/bin/passwd"])).Stdout);
        Assert.Equal("-rwsr-xr-x\n", (await lxc.ExecAsync(guest, ["stat", "-c", "%A", "/usr/bin/passwd"])).Stdout);

        // sysvinit's sendsigs waits its full 10 s inside an unprivileged container (killall5 keeps reporting
        // survivors), so a clean Debian shutdown takes 10-15 s: give it carved's default of 60.
        var shutdown = lxc.Task();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await lxc.Driver.ShutdownAsync(guest, TimeSpan.FromSeconds(60), shutdown, CancellationToken.None);
        output.WriteLine($"clean shutdown took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(shutdown.Lines, l => l.EndsWith("powered off.", StringComparison.Ordinal));
    }
}
