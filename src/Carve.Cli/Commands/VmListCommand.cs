using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;

namespace Carve.Cli.Commands;

/// <summary>carve vm list.</summary>
internal static class VmListCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("list", "All VMs.");
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vms = await context.Client.ListVmsAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, vms);
                return ExitCodes.Success;
            }
            var table = new TextTable("ID", "NAME", "STATUS", "CPUS", "MEMORY", "DISKS", "ACCEL", "LOCK");
            foreach (var vm in vms.OrderBy(v => v.Id))
            {
                table.Add(
                    $"{vm.Id}",
                    vm.Template ? vm.Name + " (template)" : vm.Name,
                    vm.Status,
                    $"{vm.Config.Cpus}",
                    Units.MiB(vm.Config.MemoryMiB),
                    vm.Disks.Count == 0 ? "-" : $"{vm.Disks.Count} ({Units.Bytes(vm.Disks.Sum(d => d.VirtualSizeBytes))})",
                    vm.Runtime?.Accel ?? vm.Config.Accel,
                    vm.Lock);
            }
            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return command;
    }
}
