using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Guests;

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
                JsonOutput.Write(context.Out, guests);
            else
                Render(context.Out, guests);
            return ExitCodes.Success;
        });
        return list;
    }

    /// <summary>One table for both kinds; TYPE says vm or ct, and a template says so.</summary>
    public static void Render(TextWriter output, IReadOnlyList<GuestSummary> guests)
    {
        var table = new TextTable("ID", "NAME", "TYPE", "STATUS", "CPUS", "MEMORY", "LOCK");
        foreach (var guest in guests.OrderBy(g => g.Id))
        {
            table.Add(
                $"{guest.Id}",
                guest.Name,
                guest.Template ? $"{guest.Type} (template)" : guest.Type.Name,
                guest.Status,
                $"{guest.Cpus}",
                Units.MiB(guest.MemoryMiB),
                guest.Lock);
        }
        table.Write(output);
    }
}
