using System.CommandLine;
using Carve.Cli.Completion;
using Carve.Cli.Infrastructure;
using Carve.Cli.Tasks;
using Carve.Client;
using Carve.Contracts.Snapshots;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve clone SRC DST [--linked] [--snapshot SNAP], and carve vm|ct template NAME.</summary>
internal static class CloneCommands
{
    public static Command Clone(GlobalOptions options)
    {
        var source = new Argument<string>("SRC") { Description = "The VM or container to copy (name or numeric id)" }.CompletesGuestNames();
        var target = new Argument<string>("DST") { Description = "The new guest's name" };
        var linked = new Option<bool>("--linked") { Description = "Share the template's disks instead of copying them (instant)" };
        var snapshot = new Option<string?>("--snapshot") { Description = "Copy the source as it was at this snapshot", HelpName = "SNAP" };
        var command = new Command("clone", "Copy a guest as a new one with its own id, UUID and MAC addresses.") { source, target, linked, snapshot };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var (from, to) = (context.Get(source), context.Get(target));
            var request = new CloneRequest { Name = to, Linked = context.Get(linked), Snapshot = context.Get(snapshot) };
            return await TaskRunner.RunAsync(
                context, (client, token) => client.CloneGuestAsync(from, request, token), $"Cloning {from} as {to}", $"Cloned {from} as {to}.", ct);
        });
        return command;
    }

    public static Command Template(GlobalOptions options, GuestKind kind)
    {
        var name = CommonArguments.Guest(kind);
        var command = new Command("template", $"Make a stopped {kind.Noun} a template: it cannot start, and linked clones of it are instant.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var guest = context.Get(name);
            return await TaskRunner.RunAsync(
                context, (client, token) => client.MakeTemplateAsync(kind, guest, token), $"Making {guest} a template", $"{kind.Title()} {guest} is now a template.", ct);
        });
        return command;
    }
}
