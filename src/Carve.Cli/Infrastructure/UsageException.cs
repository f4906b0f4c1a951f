namespace Carve.Cli.Infrastructure;

/// <summary>A command line that parsed but makes no sense; exits 2 with its one-sentence message.</summary>
internal sealed class UsageException(string message) : Exception(message);
