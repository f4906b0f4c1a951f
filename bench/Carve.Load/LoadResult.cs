namespace Carve.Load;

/// <summary>What a load run measured, and which invariants it broke.</summary>
public sealed record LoadResult(
    LoadOptions Options,
    TimeSpan Elapsed,
    LoadRecorder Recorder,
    int Cycles,
    IReadOnlyList<RssSample> Rss,
    IReadOnlyList<string> BrokenInvariants)
{
    /// <summary>Errors other than the expected 409 for a busy guest.</summary>
    public int UnexpectedErrors => Recorder.Operations.Sum(o =>
        o.Errors(ErrorKind.ClientError) + o.Errors(ErrorKind.ServerError) + o.Errors(ErrorKind.TaskFailed) + o.Errors(ErrorKind.Exception));
}
