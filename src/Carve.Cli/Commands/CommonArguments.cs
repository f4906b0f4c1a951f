using System.CommandLine;

namespace Carve.Cli.Commands;

/// <summary>Arguments shared by many commands; a new instance each time, as a symbol has one parent.</summary>
internal static class CommonArguments
{
    public static Argument<string> Guest(string description = "The VM's name or numeric id") =>
        new("NAME") { Description = description };
}
