namespace Carve.Contracts;

/// <summary>RFC 9457 problem details, as every error is returned.</summary>
public sealed record ProblemView
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public int? Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }
}
