namespace Carve.Host.Processes;

/// <summary>A program and its arguments, passed as an argv: never through a shell.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public TimeSpan? Timeout { get; init; }
    public string? WorkingDirectory { get; init; }
    /// <summary>Called with each stdout chunk as it arrives (e.g. qemu-img progress, which uses \r).</summary>
    public Action<string>? OnStdout { get; init; }
    public Action<string>? OnStderr { get; init; }
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
