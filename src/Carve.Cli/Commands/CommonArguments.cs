using System.CommandLine;
using Carve.Cli.Completion;
using Carve.Client;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>Arguments shared by many commands; a new instance each time, as a symbol has one parent.</summary>
internal static class CommonArguments
{
    public static Argument<string> Guest() => Guest(GuestKind.Vm);

    public static Argument<string> Guest(GuestKind kind) =>
        new Argument<string>("NAME") { Description = $"The {kind.Noun}'s name or numeric id" }.CompletesGuestNames(kind);
}
