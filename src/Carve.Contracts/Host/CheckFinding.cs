namespace Carve.Contracts.Host;

/// <summary>One line of `carve host check`: what was checked, the verdict, what was found and how to fix it.</summary>
public sealed record CheckFinding
{
    public required string Check { get; init; }
    /// <summary>ok, warn (works, with a limit) or fail (a feature will not work).</summary>
    public required string Verdict { get; init; }
    public required string Detail { get; init; }
    /// <summary>A concrete fix; null when the verdict is ok.</summary>
    public string? Fix { get; init; }
}
