using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Client;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve ct ...: the LXC containers.</summary>
internal static class CtCommands
{
    public static Command Create(GlobalOptions options)
    {
        var ct = new Command("ct", "Containers (LXC).");
        ct.Subcommands.Add(CtCreateCommand.Create(options));
        ct.Subcommands.Add(CtListCommand.Create(options));
        ct.Subcommands.Add(GuestShowCommand.Create(
            options,
            GuestKind.Ct,
            "A container's configuration, mounts and what it is using.",
            (client, ctRef, token) => client.GetCtAsync(ctRef, token),
            CtShowRenderer.Render));
        foreach (var lifecycle in GuestLifecycleCommands.Create(options, GuestKind.Ct))
            ct.Subcommands.Add(lifecycle);
        ct.Subcommands.Add(CtSetCommand.Create(options));
        ct.Subcommands.Add(GuestConsoleCommand.Create(options, GuestKind.Ct));
        ct.Subcommands.Add(CtExecCommand.Create(options));
        ct.Subcommands.Add(CtExportCommand.Create(options));
        ct.Subcommands.Add(CtImportCommand.Create(options));
        ct.Subcommands.Add(CloneCommands.Template(options, GuestKind.Ct));
        return ct;
    }
}
