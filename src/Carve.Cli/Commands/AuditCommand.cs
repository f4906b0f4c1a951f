using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Specs;
using Carve.Contracts.Audit;

namespace Carve.Cli.Commands;

/// <summary>carve audit [--user U] [--since 1d] [--limit N]: who changed what, oldest first, as a log reads.</summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions options)
    {
        var user = new Option<string>("--user") { Description = "Only this caller: a user, token:NAME or root@local", HelpName = "NAME" };
        var since = new Option<string>("--since") { Description = "Only since then: 30m, 12h, 1d, 2w or an ISO time", HelpName = "WHEN" };
        var limit = IntOption.Create("--limit", "At most this many of the latest entries (default and most: 1000)", "N");
        var command = new Command("audit", "The audit log: who changed what, from where, with what result.") { user, since, limit };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var from = context.Get(since) is { } text ? SinceSpec.Parse(text, DateTimeOffset.Now) : (DateTimeOffset?)null;
            var entries = await context.Client.ListAuditAsync(context.Get(user), from, context.Get(limit), ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, entries);
                return ExitCodes.Success;
            }
            Table(entries).Write(context.Out, whenEmpty: "No audit entries.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static TextTable Table(IReadOnlyList<AuditEntryView> entries)
    {
        var table = new TextTable("TIME", "USER", "FROM", "STATUS", "TASK", "GUEST", "REQUEST");
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var e = entries[i];
            table.Add(Units.Time(e.Time), e.User, e.Source, e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.TaskId, e.Guest, e.Method + " " + e.Path);
        }
        return table;
    }
}
