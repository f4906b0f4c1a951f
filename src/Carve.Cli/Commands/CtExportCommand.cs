using System.CommandLine;
using Carve.Cli.Completion;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve ct export NAME -o PATH: carved packs the stopped container as NAME.tar.zst (a task); it is downloaded to PATH.</summary>
internal static class CtExportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "The container (name or id); it must be stopped" }.CompletesGuestNames(GuestKind.Ct);
        var file = new Option<string>("--file", "-o") { Description = "Where to write it here (default: NAME.tar.zst)", HelpName = "PATH" };
        var keep = new Option<bool>("--keep") { Description = "Leave the export on carved too (GET /api/v1/exports)" };

        var command = new Command("export", "Export a stopped container (rootfs and settings) as a .tar.zst.") { name, file, keep };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var container = context.Get(name);
            var target = CliPaths.FromOption("-o", context.Get(file), context.WorkingDirectory)
                ?? CliPaths.Absolute($"{container}.tar.zst", context.WorkingDirectory);
            ExportDownload.CheckTarget(target);

            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.ExportCtAsync(container, token),
                $"Exporting {container}",
                $"Exported {container}; downloading.",
                ct);
            if (outcome.Task is not { } task || !outcome.Succeeded)
                return outcome.ExitCode;
            return await ExportDownload.FetchAsync(context, task.Id, target, context.Get(keep), ct);
        });
        return command;
    }
}
