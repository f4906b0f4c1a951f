using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
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
        var name = new Argument<string>("NAME") { Description = "The VM (name or id); it must be stopped" };
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
            if (File.Exists(target))
                throw new UsageException($"{target} already exists; remove it or choose another path with -o.");
            if (!Directory.Exists(Path.GetDirectoryName(target)))
                throw new UsageException($"The directory of {target} does not exist.");

            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.ExportVmAsync(vm, new ExportVmRequest { Format = kind }, token),
                $"Exporting {vm}",
                $"Exported {vm}; downloading.",
                ct);
            if (outcome.Task is not { } task || !outcome.Succeeded)
                return outcome.ExitCode;
            var export = await context.Client.GetExportAsync(task.Id, ct);
            foreach (var exported in export.Files)
            {
                var local = LocalPath(target, export, exported.Name);
                if (!await DownloadAsync(context, task.Id, exported, local, ct))
                    return ExitCodes.Failure;
                if (!context.Json)
                    context.Out.WriteLine($"Wrote {local} ({Units.Bytes(exported.SizeBytes)}).");
            }
            if (!context.Get(keep))
                await context.Client.DeleteExportAsync(task.Id, ct);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One file goes to PATH; with several, each gets its disk's name: web.qcow2 → web-disk0.qcow2, web-disk1.qcow2.</summary>
    private static string LocalPath(string target, ExportView export, string file)
    {
        if (export.Files.Count == 1)
            return target;
        var disk = Path.GetFileNameWithoutExtension(file)[(export.Vm.Length + 1)..];
        return Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}-{disk}{Path.GetExtension(target)}");
    }

    /// <summary>Downloads into PATH.part and renames it when whole, so PATH never holds half a disk.</summary>
    private static async Task<bool> DownloadAsync(CliContext context, string id, ExportFileView file, string local, CancellationToken ct)
    {
        var partial = local + ".part";
        var shown = -1L;
        void Progress(long bytes)
        {
            var percent = file.SizeBytes == 0 ? 100 : bytes * 100 / file.SizeBytes;
            if (Console.IsErrorRedirected || percent == shown)
                return;
            shown = percent;
            context.Error.Write($"\rDownloading {Path.GetFileName(local)}: {percent}%");
        }

        try
        {
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await context.Client.DownloadExportFileAsync(id, file.Name, output, Progress, ct);
            File.Move(partial, local);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (shown >= 0)
                context.Error.WriteLine();
            shown = -1;
            context.Error.WriteLine($"error: Cannot write {local}: {e.Message}");
            return false;
        }
        finally
        {
            File.Delete(partial);
            if (shown >= 0)
                context.Error.WriteLine();
        }
    }
}
