using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Tasks;
using Carve.Client;
using Carve.Contracts.Tasks;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve vm|ct start|stop|shutdown|reboot|delete NAME: one request, then its task.</summary>
internal static class GuestLifecycleCommands
{
    public static IEnumerable<Command> Create(GlobalOptions options, GuestKind kind)
    {
        var noun = kind.Noun;
        yield return Simple(options, kind, "start", $"Start a {noun}.", "Starting", "started", (c, r, ct) => c.StartGuestAsync(kind, r, ct));
        yield return Simple(
            options, kind, "stop", $"Stop a {noun} at once, like pulling the plug.", "Stopping", "stopped", (c, r, ct) => c.StopGuestAsync(kind, r, ct));
        yield return Simple(options, kind, "reboot", $"Reboot a {noun}.", "Rebooting", "rebooted", (c, r, ct) => c.RebootGuestAsync(kind, r, ct));
        yield return Shutdown(options, kind);
        yield return Delete(options, kind);
    }

    private static Command Simple(
        GlobalOptions options,
        GuestKind kind,
        string verb,
        string description,
        string doing,
        string done,
        Func<CarveClient, string, CancellationToken, Task<TaskAccepted>> submit)
    {
        var name = CommonArguments.Guest(kind);
        var command = new Command(verb, description) { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var guest = context.Get(name);
            return await TaskRunner.RunAsync(
                context, (client, token) => submit(client, guest, token), $"{doing} {guest}", $"{kind.Title()} {guest} {done}.", ct);
        });
        return command;
    }

    private static Command Shutdown(GlobalOptions options, GuestKind kind)
    {
        var name = CommonArguments.Guest(kind);
        var timeout = IntOption.Create("--timeout", $"Seconds to wait for the {kind.Noun} to power off", "SECONDS");
        var description = kind == GuestKind.Vm
            ? "Ask a VM's guest to shut down (ACPI power button)."
            : "Ask a container's init to shut down cleanly.";
        var command = new Command("shutdown", description) { name, timeout };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var guest = context.Get(name);
            var seconds = context.Get(timeout);
            if (seconds is < 0)
                throw new UsageException("--timeout must be 0 or more seconds.");
            return await TaskRunner.RunAsync(
                context,
                (client, token) => client.ShutdownGuestAsync(kind, guest, seconds, token),
                $"Shutting down {guest}",
                $"{kind.Title()} {guest} shut down.",
                ct);
        });
        return command;
    }

    private static Command Delete(GlobalOptions options, GuestKind kind)
    {
        var name = CommonArguments.Guest(kind);
        var force = new Option<bool>("--force") { Description = $"Stop the {kind.Noun} first if it is running" };
        var description = kind == GuestKind.Vm ? "Delete a VM and its disks." : "Delete a container and its root filesystem.";
        var command = new Command("delete", description) { name, force };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var guest = context.Get(name);
            return await TaskRunner.RunAsync(
                context,
                (client, token) => client.DeleteGuestAsync(kind, guest, context.Get(force), token),
                $"Deleting {guest}",
                $"{kind.Title()} {guest} deleted.",
                ct);
        });
        return command;
    }
}
