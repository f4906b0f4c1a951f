using System.Diagnostics;
using Carve.Host.Processes;
using Carve.Qemu.Probe;
using Carve.Qemu.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Qemu.Tests.Probe;

/// <summary>The probe guest run by the real QEMU.</summary>
public sealed class KvmProbeRealTests(ITestOutputHelper output)
{
    [QemuFact]
    public async Task The_boot_sector_reaches_debug_exit_under_TCG()
    {
        using var dir = new TempDirectory();
        var probe = new KvmProbe(new ProcessRunner(), RealQemu.System, dir.Path, dir.File("no-kvm-needed"))
        {
            Accel = "tcg",
            Timeout = TimeSpan.FromSeconds(30),
        };

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.Usable, result.Detail);
        Assert.StartsWith("TCG works (probe guest finished in ", result.Detail);
    }

    /// <summary>Whatever this host's KVM does, the probe answers within a few seconds and never hangs.</summary>
    [QemuFact]
    public async Task The_KVM_probe_on_this_host_decides_quickly()
    {
        using var dir = new TempDirectory();
        var probe = new KvmProbe(new ProcessRunner(), RealQemu.System, dir.Path);
        var stopwatch = Stopwatch.StartNew();

        var result = await probe.ProbeAsync(CancellationToken.None);

        output.WriteLine($"{result} after {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"the probe took {stopwatch.Elapsed}");
        Assert.True(result.DevicePresent || !result.Usable);
        Assert.False(string.IsNullOrEmpty(result.Detail));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
