using System.CommandLine;
using Carve.Cli.Commands;
using Carve.Cli.Infrastructure;

namespace Carve.Cli;

/// <summary>Entry point: builds the command tree (nothing else at start-up), parses, and runs one command.</summary>
internal static class CarveCli
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var root = RootCommandFactory.Create();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            UsageErrors.Print(parse, Console.Error);
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration(), ct);
    }
}
