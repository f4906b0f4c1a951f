using System.CommandLine;
using Carve.Cli.Completion;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Tasks;
using Carve.Contracts.Snapshots;

namespace Carve.Cli.Commands;

/// <summary>carve snapshot create|list|rollback|delete GUEST [SNAP]: VMs and containers alike.</summary>
internal static class SnapshotCommands
{
    public static Command Create(GlobalOptions options)
    {
        var snapshot = new Command("snapshot", "Snapshots of a guest's disks (and a running VM's RAM), to roll back to.");
        snapshot.Subcommands.Add(CreateSnapshot(options));
        snapshot.Subcommands.Add(List(options));
        snapshot.Subcommands.Add(Rollback(options));
        snapshot.Subcommands.Add(Delete(options));
        return snapshot;
    }

    private static Argument<string> Guest() => new Argument<string>("GUEST") { Description = "The VM's or container's name or numeric id" }.CompletesGuestNames();

    private static Argument<string> Snap() => new("SNAP") { Description = "The snapshot's name" };

    private static Command CreateSnapshot(GlobalOptions options)
    {
        var guest = Guest();
        var snap = Snap();
        var memory = new Option<bool>("--memory") { Description = "Also save a running VM's RAM and device state; a rollback resumes it there" };
        var description = new Option<string?>("--description") { Description = "What the snapshot is for", HelpName = "TEXT" };
        var command = new Command("create", "Snapshot every disk of a guest as one unit (crash-consistent without --memory).")
        {
            guest, snap, memory, description,
        };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var (g, s) = (context.Get(guest), context.Get(snap));
            var request = new CreateSnapshotRequest { Name = s, Memory = context.Get(memory), Description = context.Get(description) };
            return await TaskRunner.RunAsync(
                context, (client, token) => client.CreateSnapshotAsync(g, request, token), $"Snapshotting {g}", $"Snapshot {s} of {g} taken.", ct);
        });
        return command;
    }

    private static Command List(GlobalOptions options)
    {
        var guest = Guest();
        var command = new Command("list", "A guest's snapshot tree: parent, time, RAM or not, description, and the current one (*).") { guest };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var snapshots = await context.Client.ListSnapshotsAsync(context.Get(guest), ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, snapshots);
                return ExitCodes.Success;
            }
            var table = new TextTable("NAME", "PARENT", "CREATED", "RAM", "STATE", "DESCRIPTION");
            foreach (var s in snapshots)
                table.Add((s.Current ? "* " : "  ") + s.Name, s.Parent ?? "-", Units.Time(s.CreatedAt), s.Memory ? "yes" : "no", s.State, s.Description ?? "");
            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rollback(GlobalOptions options) => OnSnapshot(
        options, "rollback", "Return a guest to a snapshot; a running guest is stopped first, or resumed from a RAM snapshot.",
        (client, g, s, token) => client.RollbackSnapshotAsync(g, s, token), (g, s) => $"Rolling {g} back to {s}", (g, s) => $"{g} rolled back to {s}.");

    private static Command Delete(GlobalOptions options) => OnSnapshot(
        options, "delete", "Delete a snapshot; the guest and its other snapshots keep their data.",
        (client, g, s, token) => client.DeleteSnapshotAsync(g, s, token), (g, s) => $"Deleting snapshot {s} of {g}", (g, s) => $"Snapshot {s} of {g} deleted.");

    /// <summary>A command on one snapshot of one guest (GUEST SNAP) that submits a task and follows it.</summary>
    private static Command OnSnapshot(
        GlobalOptions options,
        string verb,
        string description,
        Func<Carve.Client.CarveClient, string, string, CancellationToken, Task<Carve.Contracts.Tasks.TaskAccepted>> submit,
        Func<string, string, string> doing,
        Func<string, string, string> done)
    {
        var guest = Guest();
        var snap = Snap();
        var command = new Command(verb, description) { guest, snap };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var (g, s) = (context.Get(guest), context.Get(snap));
            return await TaskRunner.RunAsync(context, (client, token) => submit(client, g, s, token), doing(g, s), done(g, s), ct);
        });
        return command;
    }
}
