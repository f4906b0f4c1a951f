namespace Carve.Cli.Infrastructure;

internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An API error, a connection failure or a failed task.</summary>
    public const int Failure = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted with Ctrl-C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
