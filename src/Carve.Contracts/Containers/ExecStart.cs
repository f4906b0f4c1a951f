namespace Carve.Contracts.Containers;

/// <summary>
/// The first (text) message of the exec WebSocket GET /api/v1/cts/{ref}/exec. After it, binary frames carry a
/// one-byte channel then data: 0 stdin (client to server; an empty frame closes stdin), 1 stdout, 2 stderr,
/// 3 exit (the exit code as ASCII digits, the last frame before the server closes).
/// </summary>
public sealed record ExecStart
{
    public required IReadOnlyList<string> Command { get; init; }
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
