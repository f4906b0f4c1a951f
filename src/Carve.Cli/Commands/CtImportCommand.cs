using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Transfer;

namespace Carve.Cli.Commands;

/// <summary>carve ct import FILE --name NAME: FILE (from `carve ct export`) is read by carved, so it is a path on carved's host.</summary>
internal static class CtImportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var file = new Argument<string>("FILE") { Description = "A .tar.zst from `carve ct export`, on carved's host" };
        var name = new Option<string>("--name") { Description = "Name of the new container", HelpName = "NAME", Required = true };
        var storage = new Option<string>("--storage", "--pool") { Description = "Storage pool for the rootfs (default: the first pool)", HelpName = "POOL" };
        var id = IntOption.Create("--id", "Fixed numeric id (100 and up); the next free one when omitted", "N");
        var cpus = IntOption.Create("--cpus", "CPUs, instead of what the export says", "N");
        var memory = IntOption.Create("--memory", "Memory in MiB, instead of what the export says", "MiB");
        var hostname = new Option<string>("--hostname") { Description = "Hostname, instead of what the export says", HelpName = "NAME" };
        var privileged = new Option<bool?>("--privileged") { Description = "true or false, instead of what the export says", HelpName = "true|false" };
        var start = new Option<bool>("--start") { Description = "Start the container once it is imported" };

        var command = new Command("import", "Import a container from a `carve ct export` file.") { file, name, storage, id, cpus, memory, hostname, privileged, start };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var path = context.Get(file);
            if (path.Length == 0)
                throw new UsageException("FILE needs a path.");
            var request = new ImportCtRequest
            {
                Path = CliPaths.Absolute(path, context.WorkingDirectory),
                Name = context.Get(name)!,
                Pool = context.Get(storage),
                Id = context.Get(id),
                Cpus = context.Get(cpus),
                MemoryMiB = context.Get(memory),
                Hostname = context.Get(hostname),
                Privileged = context.Get(privileged),
                Start = context.Get(start),
            };
            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.ImportCtAsync(request, token),
                $"Importing {request.Name}",
                request.Start ? $"Container {request.Name} imported and started." : $"Container {request.Name} imported.",
                ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
