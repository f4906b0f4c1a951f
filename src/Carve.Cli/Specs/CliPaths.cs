using Carve.Cli.Infrastructure;

namespace Carve.Cli.Specs;

/// <summary>Makes command-line paths absolute against the CLI's working directory, since carved has another.</summary>
internal static class CliPaths
{
    public static string Absolute(string path, string workingDirectory)
    {
        // The shell leaves "~" alone after "import=", so expand it here.
        if ((path == "~" || path.StartsWith("~/", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home)
            path = Path.Join(home, path[1..]);
        return Path.GetFullPath(path, workingDirectory);
    }

    /// <summary>The value of a path option: null when not given, a usage error when given empty.</summary>
    public static string? FromOption(string option, string? path, string workingDirectory) =>
        path is null ? null
        : path.Length == 0 ? throw new UsageException($"{option} needs a path.")
        : Absolute(path, workingDirectory);
}
