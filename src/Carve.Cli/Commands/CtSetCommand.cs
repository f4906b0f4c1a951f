using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Containers;
using Carve.Contracts.Tasks;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve ct set NAME [...]: changes only what is given; CPU and memory limits apply live to a running container.</summary>
internal static class CtSetCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = CommonArguments.Guest(GuestKind.Ct);
        var cpus = IntOption.Create("--cpus", "CPU limit", "N");
        var memory = IntOption.Create("--memory", "Memory limit in MiB", "MiB");
        var description = new Option<string>("--description") { Description = "Free text shown by ct show", HelpName = "TEXT" };
        var command = new Command("set", "Change a container's limits, description, NICs or boot policy; a running container gets new limits at once.")
        {
            name, cpus, memory, description,
        };
        var nics = new NicOptions();
        nics.AddTo(command);
        var boot = new BootOptions();
        boot.AddTo(command);
        CliAction.Set(command, options, async (context, ct) =>
        {
            var container = context.Get(name);
            var request = new SetCtRequest
            {
                Cpus = context.Get(cpus), MemoryMiB = context.Get(memory), Description = context.Get(description), Nics = nics.Read(context),
                Boot = boot.Read(context),
            };
            if (request is { Cpus: null, MemoryMiB: null, Description: null, Nics: null, Boot: null })
                throw new UsageException("Nothing to change: give --cpus, --memory, --description, --nic, --onboot, --startup or --restart.");

            var outcome = await TaskRunner.SubmitAsync(
                context, (client, token) => client.SetCtAsync(container, request, token), $"Changing {container}", $"Container {container} changed.", ct);
            if (outcome is { Succeeded: true, Task: { } task } && !context.Json && (request.Cpus is not null || request.MemoryMiB is not null))
                await context.Out.WriteLineAsync(AppliedLive(task) ? "The new limits apply now." : "The new limits take effect at the container's next start.");
            return outcome.ExitCode;
        });
        return command;
    }

    /// <summary>carved's task log says so when it changed the running container's cgroup limits.</summary>
    internal static bool AppliedLive(TaskView task) =>
        task.Log?.Any(line => line.Text.Contains("apply now", StringComparison.OrdinalIgnoreCase)) == true;
}
