using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Containers;

namespace Carve.Cli.Commands;

/// <summary>carve ct create NAME --template T [...]: turns the flags into a CreateCtRequest, a tarball path made absolute.</summary>
internal static class CtCreateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "Name of the new container: lowercase letters, digits and '-'" };
        var template = new Option<string>("--template")
        {
            Description = "A template (busybox, debian; see `carve template list`) or a rootfs tarball path with a '/', e.g. ./rootfs.tar.xz",
            HelpName = "busybox|debian|PATH",
            Required = true,
        };
        var cpus = IntOption.Create("--cpus", "CPU limit (default 1)", "N");
        var memory = IntOption.Create("--memory", "Memory limit in MiB (default 512)", "MiB");
        var hostname = new Option<string>("--hostname") { Description = "The container's hostname (default: its name)", HelpName = "HOST" };
        var mounts = new Option<string[]>("--mount") { Description = "Bind-mount a host path: HOST:GUEST[:ro], both absolute; repeatable", HelpName = "HOST:GUEST[:ro]" };
        var privileged = new Option<bool>("--privileged") { Description = "Run without a user namespace (root inside is root outside)" };
        var pool = new Option<string>("--pool") { Description = "Storage pool for the root filesystem (default: the default pool)", HelpName = "POOL" };
        var id = IntOption.Create("--id", "Fixed numeric id (100 and up); the next free one when omitted", "N");
        var description = new Option<string>("--description") { Description = "Free text shown by ct show", HelpName = "TEXT" };
        var start = new Option<bool>("--start") { Description = "Start the container once it is created" };

        var command = new Command("create", "Create a container.") { name, template, cpus, memory, hostname, mounts, privileged, pool, id, description, start };
        var nics = new NicOptions();
        nics.AddTo(command);
        CliAction.Set(command, options, async (context, ct) =>
        {
            var request = new CreateCtRequest
            {
                Name = context.Get(name),
                Id = context.Get(id),
                Template = TemplateSpec.Resolve(context.Get(template), context.WorkingDirectory),
                Hostname = context.Get(hostname),
                Mounts = MountSpecParser.ParseAll(context.Get(mounts)),
                Nics = nics.Read(context),
                Privileged = context.Get(privileged),
                Pool = context.Get(pool),
                Description = context.Get(description),
                Start = context.Get(start),
            };
            // Flags not given keep CreateCtRequest's own defaults rather than repeating them here.
            if (context.Get(cpus) is { } cpuCount)
                request = request with { Cpus = cpuCount };
            if (context.Get(memory) is { } memoryMiB)
                request = request with { MemoryMiB = memoryMiB };

            var ctName = request.Name;
            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.CreateCtAsync(request, token),
                $"Creating {ctName}",
                request.Start ? $"Container {ctName} created and started." : $"Container {ctName} created.",
                ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
