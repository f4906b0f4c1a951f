namespace Carve.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => CarveCli.RunAsync(args, CancellationToken.None);
}
