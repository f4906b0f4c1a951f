using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Tasks;

namespace Carve.Cli.Commands;

/// <summary>carve host start-guests | stop-guests: what carved does by itself when the host boots and goes down.</summary>
internal static class HostPowerCommands
{
    public static IEnumerable<Command> Create(GlobalOptions options)
    {
        var start = new Command("start-guests", "Start the onboot guests in their start order, as at a host boot.");
        CliAction.Set(start, options, (context, ct) => TaskRunner.RunAsync(
            context, (client, token) => client.StartOnBootGuestsAsync(token), "Starting the onboot guests", "The onboot guests were started.", ct));
        var stop = new Command("stop-guests", "Shut every running guest down in reverse start order, as at a host shutdown.");
        CliAction.Set(stop, options, (context, ct) => TaskRunner.RunAsync(
            context, (client, token) => client.StopAllGuestsAsync(token), "Shutting the guests down", "The guests were shut down.", ct));
        return [start, stop];
    }
}
