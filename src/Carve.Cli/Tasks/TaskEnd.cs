namespace Carve.Cli.Tasks;

/// <summary>How a followed task ended, as its final event (or the last poll) said: enough to print and exit on.</summary>
internal sealed record TaskEnd(string Status, string? Error);
