using System.CommandLine;
using Carve.Cli.Completion;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Guests;
using Carve.Client;
using Carve.Contracts.Transfer;

namespace Carve.Cli.Commands;

/// <summary>
/// carve vm export NAME --format ova|vmdk|vhdx|qcow2|raw -o PATH: carved writes the export (a task), then this
/// command downloads it through the API, so PATH is local even when carved is remote, and removes it from carved.
/// Here -o is the file; --output still chooses table or json.
/// </summary>
internal static class VmExportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "The VM (name or id); it must be stopped" }.CompletesGuestNames(GuestKind.Vm);
        var format = new Option<string>("--format") { Description = "ova (default; for ESXi/vSphere and VirtualBox), or just the disks: vmdk, vhdx, qcow2, raw", HelpName = "FORMAT" };
        Choices.Restrict(format, "ova", "vmdk", "vhdx", "qcow2", "raw");
        var file = new Option<string>("--file", "-o") { Description = "Where to write it here (default: NAME.FORMAT); several disks get -diskN added", HelpName = "PATH" };
        var keep = new Option<bool>("--keep") { Description = "Leave the export on carved too (GET /api/v1/exports)" };

        var command = new Command("export", "Export a stopped VM as an OVA or as disk images.") { name, format, file, keep };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vm = context.Get(name);
            var kind = context.Get(format) ?? "ova";
            var target = CliPaths.FromOption("-o", context.Get(file), context.WorkingDirectory)
                ?? CliPaths.Absolute($"{vm}.{kind}", context.WorkingDirectory);
            ExportDownload.CheckTarget(target);

            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.ExportVmAsync(vm, new ExportRequest { Format = kind }, token),
                $"Exporting {vm}",
                $"Exported {vm}; downloading.",
                ct);
            if (outcome.Task is not { } task || !outcome.Succeeded)
                return outcome.ExitCode;
            return await ExportDownload.FetchAsync(context, task.Id, target, context.Get(keep), ct);
        });
        return command;
    }
}
