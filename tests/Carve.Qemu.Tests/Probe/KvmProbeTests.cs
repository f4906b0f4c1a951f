using Carve.Host.Processes;
using Carve.Qemu.Probe;
using Carve.Qemu.Tests.Support;

namespace Carve.Qemu.Tests.Probe;

/// <summary>The probe's decisions, with QEMU replaced by canned results.</summary>
public sealed class KvmProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string FakeKvmDevice()
    {
        var path = _dir.File("kvm");
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public async Task Without_the_device_nothing_runs()
    {
        var runner = new FakeProcessRunner(_ => throw new InvalidOperationException("must not run"));
        var probe = new KvmProbe(runner, "qemu-system-x86_64", _dir.File("work"), _dir.File("no-kvm"));

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal((false, false), (result.DevicePresent, result.Usable));
        Assert.Contains("does not exist", result.Detail);
        Assert.Empty(runner.Runs);
        Assert.Null(result.Elapsed);
    }

    [Fact]
    public async Task The_expected_exit_code_means_KVM_works()
    {
        var runner = new FakeProcessRunner(_ => new ProcessResult(85, "", "", TimedOut: false));
        var probe = new KvmProbe(runner, "/usr/bin/qemu-system-x86_64", _dir.File("work"), FakeKvmDevice());

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal((true, true), (result.DevicePresent, result.Usable));
        Assert.Matches(@"^KVM works \(probe guest finished in \d+ ms\)$", result.Detail);
        var run = Assert.Single(runner.Runs);
        Assert.Equal("/usr/bin/qemu-system-x86_64", run.FileName);
        Assert.Equal(TimeSpan.FromSeconds(2), run.Timeout);
        Assert.Equal(ProbeBootSector.Create(), runner.ImageSeen);
        Assert.Empty(Directory.GetFiles(_dir.File("work"))); // the image is cleaned up
    }

    [Fact]
    public async Task The_probe_command_line_runs_the_sector_under_kvm_with_debug_exit()
    {
        var runner = new FakeProcessRunner(_ => new ProcessResult(85, "", "", false));
        var probe = new KvmProbe(runner, "qemu", _dir.File("work,1"), FakeKvmDevice());

        await probe.ProbeAsync(CancellationToken.None);

        var args = Assert.Single(runner.Runs).Arguments;
        Assert.Equal(
            ["-accel", "kvm", "-machine", "pc", "-nodefaults", "-no-user-config", "-display", "none", "-m", "16", "-drive"],
            args.Take(11));
        Assert.Matches(@"^file=/tmp/[^,]+/work,,1/kvm-probe-[0-9a-f]{32}\.img,format=raw,if=ide$", args[11]);
        Assert.Equal(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"], args.Skip(12));
    }

    [Fact]
    public async Task A_guest_that_does_not_finish_in_time_means_KVM_is_not_usable()
    {
        var runner = new FakeProcessRunner(_ => new ProcessResult(137, "", "", TimedOut: true));
        var device = FakeKvmDevice();
        var probe = new KvmProbe(runner, "qemu", _dir.File("work"), device);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal((true, false), (result.DevicePresent, result.Usable));
        Assert.Equal(
            $"{device} is present but a KVM guest did not finish within 2 s (nested virtualization that does not make progress?)",
            result.Detail);
    }

    [Fact]
    public async Task A_QEMU_error_is_quoted()
    {
        var runner = new FakeProcessRunner(_ => new ProcessResult(1, "",
            "qemu-system-x86_64: Could not access KVM kernel module: Permission denied\nqemu-system-x86_64: failed to initialize kvm: Permission denied\n",
            false));
        var probe = new KvmProbe(runner, "qemu", _dir.File("work"), FakeKvmDevice());

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.False(result.Usable);
        Assert.EndsWith("QEMU could not run a KVM guest: qemu-system-x86_64: failed to initialize kvm: Permission denied", result.Detail);
    }

    [Fact]
    public async Task Another_exit_code_is_not_taken_as_proof()
    {
        var runner = new FakeProcessRunner(_ => new ProcessResult(0, "", "", false));
        var probe = new KvmProbe(runner, "qemu", _dir.File("work"), FakeKvmDevice());

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.False(result.Usable);
        Assert.EndsWith("ended with exit code 0 instead of 85", result.Detail);
    }
}
