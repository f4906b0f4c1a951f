using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;

namespace Carve.Cli.Commands;

/// <summary>carve list: every guest, VMs and containers alike.</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions options)
    {
        var list = new Command("list", "All guests: VMs and containers.");
        CliAction.Set(list, options, async (context, ct) =>
        {
            var guests = await context.Client.ListGuestsAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, guests);
                return ExitCodes.Success;
            }
            var table = new TextTable("ID", "NAME", "TYPE", "STATUS", "CPUS", "MEMORY", "LOCK");
            foreach (var guest in guests.OrderBy(g => g.Id))
            {
                table.Add(
                    $"{guest.Id}",
                    guest.Name,
                    guest.Template ? guest.Type + " (template)" : guest.Type,
                    guest.Status,
                    $"{guest.Cpus}",
                    Units.MiB(guest.MemoryMiB),
                    guest.Lock);
            }
            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return list;
    }
}
