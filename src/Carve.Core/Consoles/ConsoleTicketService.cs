using System.Collections.Concurrent;
using Carve.Contracts.Consoles;
using Carve.Core.Auth;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Core.Consoles;

/// <summary>
/// One-time tickets for console WebSockets opened by browsers. A cookie rides along on any request the browser makes,
/// so the upgrade must also carry a secret that only our own page could have fetched (with the CSRF header) moments
/// before. Tickets live in memory: they expire within seconds, so a daemon restart losing them costs nothing.
/// </summary>
public sealed class ConsoleTicketService(TimeProvider clock, GuestStore guests, GuestConsoles consoles)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConsoleTicket> _tickets = new(StringComparer.Ordinal);

    /// <summary>A ticket for <paramref name="caller"/> to open <paramref name="channel"/> of the guest named by <paramref name="guestReference"/>.</summary>
    public ConsoleTicketView Issue(Principal caller, string guestReference, string channel)
    {
        var guest = guests.Resolve(guestReference);
        if (!caller.MayUse(guest.Name))
            throw new ForbiddenException($"{caller.User} may not use the guest '{guest.Name}'.");
        consoles.RequireChannel(guest, channel);
        var path = $"/api/v1/{guest.Kind.Route}/{guest.Id}/{ConsoleChannels.PathOf(channel)}";
        var now = clock.GetUtcNow();
        foreach (var (key, old) in _tickets)
        {
            if (old.ExpiresAt <= now)
                _tickets.TryRemove(key, out _);
        }
        var secret = Secrets.NewToken("");
        var ticket = new ConsoleTicket(caller.User, guest.Id, channel, now + Lifetime);
        _tickets[Secrets.Hash(secret)] = ticket;
        return new ConsoleTicketView(secret, path, ticket.ExpiresAt);
    }

    /// <summary>Uses up the ticket; it must be unexpired and for this user, guest and channel.</summary>
    public void Redeem(string? secret, Principal caller, GuestRecord guest, string channel)
    {
        if (string.IsNullOrEmpty(secret))
            throw new ForbiddenException("A browser console needs a ticket: POST /api/v1/console-tickets, then connect with ?ticket=.");
        if (!_tickets.TryRemove(Secrets.Hash(secret), out var ticket) || ticket.ExpiresAt <= clock.GetUtcNow())
            throw new ForbiddenException("The console ticket is unknown, used already or expired; ask for a new one.");
        if (ticket.User != caller.User || ticket.GuestId != guest.Id || ticket.Channel != channel)
            throw new ForbiddenException($"The console ticket was issued for another user, guest or console than {channel} of {guest.Describe()}.");
    }

    private sealed record ConsoleTicket(string User, int GuestId, string Channel, DateTimeOffset ExpiresAt);
}
