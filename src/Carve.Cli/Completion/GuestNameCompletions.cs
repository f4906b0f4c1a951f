using System.CommandLine;
using System.CommandLine.Completions;
using Carve.Client;
using Carve.Client.Connection;
using Carve.Contracts.Guests;

namespace Carve.Cli.Completion;

/// <summary>
/// Guest names for shell completion (`carve [suggest:N] "vm start "`, which the bash, zsh and fish scripts call): the
/// daemon the command line would talk to is asked for its guests. Completion must never get in the way, so any
/// failure (no daemon, no permission on the socket, a bad flag) gives no names, and a daemon that does not answer
/// is given up on after <see cref="Patience"/>.
/// </summary>
internal static class GuestNameCompletions
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(1.5);

    /// <summary>Adds the guests' names (only those of <paramref name="kind"/> when given) to the argument's completions.</summary>
    public static Argument<string> CompletesGuestNames(this Argument<string> argument, GuestKind? kind = null)
    {
        argument.CompletionSources.Add(context => Names(context, kind).Select(name => new CompletionItem(name)));
        return argument;
    }

    private static IReadOnlyList<string> Names(CompletionContext context, GuestKind? kind)
    {
        try
        {
            var parse = context.ParseResult;
            var flags = new ConnectionFlags
            {
                Socket = parse.GetValue<string>("--socket"),
                Url = parse.GetValue<string>("--url"),
                Token = parse.GetValue<string>("--token"),
                Insecure = parse.GetValue<bool>("--insecure"),
                PinnedCertificate = parse.GetValue<string>("--ca-cert"),
            };
            using var timeout = new CancellationTokenSource(Patience);
            using var client = new CarveClient(CarveConnectionResolver.Resolve(flags));
            // Completion sources are synchronous; the CLI has no synchronization context to deadlock on.
            var guests = Task.Run(() => client.ListGuestsAsync(timeout.Token), timeout.Token).GetAwaiter().GetResult();
            return guests.Where(g => kind is null || g.Type == kind).Select(g => g.Name).Order(StringComparer.Ordinal).ToList();
        }
#pragma warning disable CA1031 // Completion fails silently: the user is typing, not asking for an error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }
}
