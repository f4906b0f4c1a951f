using Carve.Host.Processes;

namespace Carve.Qemu.Tests.Probe;

/// <summary>Records what would have run and answers with a canned result.</summary>
internal sealed class FakeProcessRunner(Func<ProcessSpec, ProcessResult> answer) : IProcessRunner
{
    public List<ProcessSpec> Runs { get; } = [];

    /// <summary>The probe image as it was on disk while "QEMU" ran.</summary>
    public byte[]? ImageSeen { get; private set; }

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        Runs.Add(spec);
        var drive = spec.Arguments[spec.Arguments.ToList().IndexOf("-drive") + 1];
        var file = drive["file=".Length..drive.IndexOf(",format=", StringComparison.Ordinal)].Replace(",,", ",");
        ImageSeen = File.ReadAllBytes(file);
        return Task.FromResult(answer(spec));
    }
}
