namespace Carve.Client.Connection;

/// <summary>What the command line said about the connection; null means the flag was not given.</summary>
public sealed record ConnectionFlags
{
    public string? Socket { get; init; }
    public string? Url { get; init; }
    public string? Token { get; init; }
    public bool Insecure { get; init; }
    public string? PinnedCertificate { get; init; }
}
