using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Tasks;

namespace Carve.Cli.Commands;

/// <summary>carve vm start|stop|shutdown|reboot|delete NAME: one request, then its task.</summary>
internal static class VmLifecycleCommands
{
    public static IEnumerable<Command> Create(GlobalOptions options)
    {
        yield return Simple(options, "start", "Start a VM.", "Starting", "started", (c, vm, ct) => c.StartVmAsync(vm, ct));
        yield return Simple(options, "stop", "Stop a VM at once, like pulling the plug.", "Stopping", "stopped", (c, vm, ct) => c.StopVmAsync(vm, ct));
        yield return Simple(options, "reboot", "Reboot a VM.", "Rebooting", "rebooted", (c, vm, ct) => c.RebootVmAsync(vm, ct));
        yield return Shutdown(options);
        yield return Delete(options);
    }

    private static Command Simple(
        GlobalOptions options,
        string verb,
        string description,
        string doing,
        string done,
        Func<Client.CarveClient, string, CancellationToken, Task<Contracts.Tasks.TaskAccepted>> submit)
    {
        var name = CommonArguments.Guest();
        var command = new Command(verb, description) { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vm = context.Get(name);
            var outcome = await TaskRunner.SubmitAsync(context, (client, token) => submit(client, vm, token), $"{doing} {vm}", $"VM {vm} {done}.", ct);
            return outcome.ExitCode;
        });
        return command;
    }

    private static Command Shutdown(GlobalOptions options)
    {
        var name = CommonArguments.Guest();
        var timeout = IntOption.Create("--timeout", "Seconds to wait for the guest to power off", "SECONDS");
        var command = new Command("shutdown", "Ask a VM's guest to shut down (ACPI power button).") { name, timeout };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vm = context.Get(name);
            var seconds = context.Get(timeout);
            if (seconds is < 0)
                throw new UsageException("--timeout must be 0 or more seconds.");
            var outcome = await TaskRunner.SubmitAsync(
                context, (client, token) => client.ShutdownVmAsync(vm, seconds, token), $"Shutting down {vm}", $"VM {vm} shut down.", ct);
            return outcome.ExitCode;
        });
        return command;
    }

    private static Command Delete(GlobalOptions options)
    {
        var name = CommonArguments.Guest();
        var force = new Option<bool>("--force") { Description = "Stop the VM first if it is running" };
        var command = new Command("delete", "Delete a VM and its disks.") { name, force };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vm = context.Get(name);
            var outcome = await TaskRunner.SubmitAsync(
                context, (client, token) => client.DeleteVmAsync(vm, context.Get(force), token), $"Deleting {vm}", $"VM {vm} deleted.", ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
