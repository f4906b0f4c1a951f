using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Transfer;

namespace Carve.Cli.Commands;

/// <summary>carve vm import FILE --name NAME [--storage POOL]: FILE is read by carved, so it is a path on carved's host.</summary>
internal static class VmImportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var file = new Argument<string>("FILE") { Description = "An OVA, an OVF (its files beside it) or a disk image: vmdk, vhdx, vhd, qcow2, raw; on carved's host" };
        var name = new Option<string>("--name") { Description = "Name of the new VM", HelpName = "NAME", Required = true };
        var storage = new Option<string>("--storage", "--pool") { Description = "Storage pool for the disks (default: the first pool)", HelpName = "POOL" };
        var id = IntOption.Create("--id", "Fixed numeric id (100 and up); the next free one when omitted", "N");
        var cpus = IntOption.Create("--cpus", "Virtual CPUs, instead of what the OVF says (default 1)", "N");
        var memory = IntOption.Create("--memory", "Memory in MiB, instead of what the OVF says (default 512)", "MiB");
        var firmware = new Option<string>("--firmware") { Description = "bios or uefi, instead of what the OVF says (default bios)", HelpName = "bios|uefi" };
        Choices.Restrict(firmware, "bios", "uefi");
        var start = new Option<bool>("--start") { Description = "Start the VM once it is imported" };

        var command = new Command("import", "Import a VM from an OVA, an OVF or a disk image.") { file, name, storage, id, cpus, memory, firmware, start };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var path = context.Get(file);
            if (path.Length == 0)
                throw new UsageException("FILE needs a path.");
            var request = new ImportVmRequest
            {
                Path = CliPaths.Absolute(path, context.WorkingDirectory),
                Name = context.Get(name)!,
                Pool = context.Get(storage),
                Id = context.Get(id),
                Cpus = context.Get(cpus),
                MemoryMiB = context.Get(memory),
                Firmware = context.Get(firmware),
                Start = context.Get(start),
            };
            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.ImportVmAsync(request, token),
                $"Importing {request.Name}",
                request.Start ? $"VM {request.Name} imported and started." : $"VM {request.Name} imported.",
                ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
