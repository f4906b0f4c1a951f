using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Vms;

namespace Carve.Cli.Commands;

/// <summary>carve vm set NAME [...]: changes only what is given; a running VM gets some of it at its next start.</summary>
internal static class VmSetCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = CommonArguments.Guest();
        var cpus = IntOption.Create("--cpus", "Virtual CPUs", "N");
        var memory = IntOption.Create("--memory", "Memory in MiB", "MiB");
        var description = new Option<string>("--description") { Description = "Free text shown by vm show", HelpName = "TEXT" };
        var resize = new Option<string[]>("--resize") { Description = "Grow a disk: DISK=SIZE (10G) or DISK=+SIZE (+2G); repeatable", HelpName = "DISK=SIZE" };
        var hostPci = HostDeviceOptions.Pci("; 'none' removes all");
        var hostUsb = HostDeviceOptions.Usb("; 'none' removes all");
        var command = new Command("set", "Change a VM's configuration.") { name, cpus, memory, description, resize, hostPci, hostUsb };
        var nics = new NicOptions();
        nics.AddTo(command);
        var boot = new BootOptions();
        boot.AddTo(command);
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vm = context.Get(name);
            var request = new SetVmRequest
            {
                Cpus = context.Get(cpus),
                MemoryMiB = context.Get(memory),
                Description = context.Get(description),
                ResizeDisks = ResizeSpecParser.ParseAll(context.Get(resize)),
                HostPci = HostDeviceSpecParser.ParseAllPci(context.Get(hostPci)),
                HostUsb = HostDeviceSpecParser.ParseAllUsb(context.Get(hostUsb)),
                Nics = nics.Read(context),
                Boot = boot.Read(context),
            };
            if (request is { Cpus: null, MemoryMiB: null, Description: null, ResizeDisks: null, HostPci: null, HostUsb: null, Nics: null, Boot: null })
                throw new UsageException("Nothing to change: give --cpus, --memory, --description, --resize, --hostpci, --hostusb, --nic, --onboot, --startup or --restart.");

            var outcome = await TaskRunner.SubmitAsync(context, (client, token) => client.SetVmAsync(vm, request, token), $"Changing {vm}", $"VM {vm} changed.", ct);
            if (outcome.Succeeded && !context.Json)
                await ShowPendingAsync(context, vm, ct);
            return outcome.ExitCode;
        });
        return command;
    }

    private static async Task ShowPendingAsync(CliContext context, string vm, CancellationToken ct)
    {
        var view = await context.Client.GetVmAsync(vm, ct);
        if (view.PendingChanges.Count == 0)
            return;
        await context.Out.WriteLineAsync("These changes take effect at the next start:");
        foreach (var change in view.PendingChanges)
            await context.Out.WriteLineAsync("  - " + change);
    }
}
