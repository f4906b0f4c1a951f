using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;

namespace Carve.Cli.Commands;

/// <summary>carve ct list.</summary>
internal static class CtListCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("list", "All containers.");
        CliAction.Set(command, options, async (context, ct) =>
        {
            var cts = await context.Client.ListCtsAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, cts);
                return ExitCodes.Success;
            }
            var table = new TextTable("ID", "NAME", "STATUS", "CPUS", "MEMORY", "TEMPLATE", "LOCK");
            foreach (var container in cts.OrderBy(c => c.Id))
            {
                table.Add(
                    $"{container.Id}",
                    container.Template ? container.Name + " (template)" : container.Name,
                    container.Status,
                    $"{container.Config.Cpus}",
                    Units.MiB(container.Config.MemoryMiB),
                    container.Config.Template,
                    container.Lock);
            }
            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return command;
    }
}
