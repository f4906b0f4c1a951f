using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Client;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve vm ...: the QEMU guests.</summary>
internal static class VmCommands
{
    public static Command Create(GlobalOptions options)
    {
        var vm = new Command("vm", "Virtual machines (QEMU/KVM).");
        vm.Subcommands.Add(VmCreateCommand.Create(options));
        vm.Subcommands.Add(VmListCommand.Create(options));
        vm.Subcommands.Add(GuestShowCommand.Create(
            options,
            GuestKind.Vm,
            "A VM's configuration, disks, NICs and what its QEMU process is doing.",
            (client, vmRef, ct) => client.GetVmAsync(vmRef, ct),
            VmShowRenderer.Render));
        foreach (var lifecycle in GuestLifecycleCommands.Create(options, GuestKind.Vm))
            vm.Subcommands.Add(lifecycle);
        vm.Subcommands.Add(VmSetCommand.Create(options));
        vm.Subcommands.Add(GuestConsoleCommand.Create(options, GuestKind.Vm));
        vm.Subcommands.Add(VmImportCommand.Create(options));
        vm.Subcommands.Add(VmExportCommand.Create(options));
        vm.Subcommands.Add(CloneCommands.Template(options, GuestKind.Vm));
        return vm;
    }
}
