using System.CommandLine;
using System.CommandLine.Parsing;

namespace Carve.Cli.Infrastructure;

/// <summary>Prints parse errors as "error: ..." lines plus where to find help, instead of the whole help text.</summary>
internal static class UsageErrors
{
    public static void Print(ParseResult parse, TextWriter error)
    {
        foreach (var parseError in parse.Errors)
            error.WriteLine("error: " + parseError.Message);
        error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
                names.Add(command.Parent is null ? "carve" : command.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
