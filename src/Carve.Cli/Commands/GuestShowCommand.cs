using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Client;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve vm|ct show NAME: the guest's view as JSON, or rendered for people.</summary>
internal static class GuestShowCommand
{
    public static Command Create<TView>(
        GlobalOptions options,
        GuestKind kind,
        string description,
        Func<CarveClient, string, CancellationToken, Task<TView>> get,
        Action<TextWriter, TView> render)
    {
        var name = CommonArguments.Guest(kind);
        var command = new Command("show", description) { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var view = await get(context.Client, context.Get(name), ct);
            if (context.Json)
                JsonOutput.Write(context.Out, view);
            else
                render(context.Out, view);
            return ExitCodes.Success;
        });
        return command;
    }
}
