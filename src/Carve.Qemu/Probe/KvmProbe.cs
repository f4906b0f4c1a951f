using System.Diagnostics;
using Carve.Host.Processes;
using Carve.Qemu.Launch;

namespace Carve.Qemu.Probe;

/// <summary>
/// Finds out whether KVM really works by running a tiny guest under it. /dev/kvm existing is not
/// enough: under nested virtualization that makes no progress a KVM guest spins forever, so the
/// guest must finish within <see cref="Timeout"/>.
/// </summary>
public sealed class KvmProbe
{
    private readonly IProcessRunner _runner;
    private readonly string _qemuBinary;
    private readonly string _workDirectory;
    private readonly string _kvmDevicePath;

    /// <param name="workDirectory">Where the boot sector image is written (and removed again).</param>
    /// <param name="kvmDevicePath">The KVM device node; tests point it elsewhere.</param>
    public KvmProbe(IProcessRunner runner, string qemuBinary, string workDirectory, string kvmDevicePath = "/dev/kvm")
    {
        _runner = runner;
        _qemuBinary = qemuBinary;
        _workDirectory = workDirectory;
        _kvmDevicePath = kvmDevicePath;
    }

    /// <summary>The accelerator to probe. "tcg" runs the same guest without KVM (for tests).</summary>
    public string Accel { get; init; } = "kvm";

    /// <summary>How long the guest may take. Under KVM it needs well under a second.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public async Task<KvmProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var devicePresent = File.Exists(_kvmDevicePath);
        if (Accel == "kvm" && !devicePresent)
            return new KvmProbeResult(false, false,
                $"{_kvmDevicePath} does not exist (no hardware virtualization, or the kvm module is not loaded)");

        Directory.CreateDirectory(_workDirectory);
        var image = Path.Combine(_workDirectory, $"kvm-probe-{Guid.NewGuid():N}.img");
        await File.WriteAllBytesAsync(image, ProbeBootSector.Create(), cancellationToken);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await _runner.RunAsync(
                new ProcessSpec(_qemuBinary, BuildArguments(image)) { Timeout = Timeout }, cancellationToken);
            stopwatch.Stop();
            return Judge(result, devicePresent, stopwatch.Elapsed);
        }
        finally
        {
            File.Delete(image);
        }
    }

    /// <summary>The probe guest's argv (without the program name).</summary>
    public IReadOnlyList<string> BuildArguments(string imagePath) =>
    [
        "-accel", QemuOptions.Escape(Accel),
        "-machine", "pc",
        "-nodefaults",
        "-no-user-config",
        "-display", "none",
        "-m", "16",
        "-drive", $"file={QemuOptions.Escape(imagePath)},format=raw,if=ide",
        "-device", $"isa-debug-exit,iobase=0x{ProbeBootSector.DebugExitPort:x2},iosize=0x04",
    ];

    private KvmProbeResult Judge(ProcessResult result, bool devicePresent, TimeSpan elapsed)
    {
        var name = Accel.ToUpperInvariant();
        var subject = Accel == "kvm" ? $"{_kvmDevicePath} is present but" : $"{name}:";
        string detail;
        if (result.TimedOut)
            detail = $"{subject} a {name} guest did not finish within {Timeout.TotalSeconds:0.#} s (nested virtualization that does not make progress?)";
        else if (result.ExitCode == ProbeBootSector.ExpectedExitCode)
            detail = $"{name} works (probe guest finished in {elapsed.TotalMilliseconds:0} ms)";
        else if (!string.IsNullOrWhiteSpace(result.Stderr))
            detail = $"{subject} QEMU could not run a {name} guest: {result.LastErrorLine}";
        else
            detail = $"{subject} the {name} probe guest ended with exit code {result.ExitCode} instead of {ProbeBootSector.ExpectedExitCode}";
        var usable = !result.TimedOut && result.ExitCode == ProbeBootSector.ExpectedExitCode;
        return new KvmProbeResult(devicePresent, usable, detail) { Elapsed = elapsed };
    }
}
