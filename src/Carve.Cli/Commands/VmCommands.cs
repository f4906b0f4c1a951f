using System.CommandLine;
using Carve.Cli.Infrastructure;

namespace Carve.Cli.Commands;

/// <summary>carve vm ...: the QEMU guests.</summary>
internal static class VmCommands
{
    public static Command Create(GlobalOptions options)
    {
        var vm = new Command("vm", "Virtual machines (QEMU/KVM).");
        vm.Subcommands.Add(VmCreateCommand.Create(options));
        vm.Subcommands.Add(VmListCommand.Create(options));
        vm.Subcommands.Add(VmShowCommand.Create(options));
        foreach (var lifecycle in VmLifecycleCommands.Create(options))
            vm.Subcommands.Add(lifecycle);
        vm.Subcommands.Add(VmSetCommand.Create(options));
        vm.Subcommands.Add(VmConsoleCommand.Create(options));
        return vm;
    }
}
