using Carve.Api.Auth;
using Carve.Api.Endpoints;
using Carve.Core.Consoles;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Consoles;

/// <summary>
/// Who may open a console WebSocket. Every caller's Origin must be this server. A browser (a session cookie) must
/// also send Origin and a one-time ticket for this very console, so that a cookie alone never opens one.
/// Tokens and the unix socket (the CLI) need no ticket: no browser attaches those on its own.
/// </summary>
internal static class ConsoleGate
{
    /// <summary>What can be checked before the guest is looked up, so that a refused caller hears 403, not 404.</summary>
    public static void CheckCaller(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            throw new BadRequestException("This console is a WebSocket: connect with an Upgrade request.");
        OriginCheck.Require(http);
        if (!http.ViaSessionCookie())
            return;
        if (string.IsNullOrEmpty(http.Request.Headers.Origin.ToString()))
            throw new ForbiddenException("A console opened with a session cookie must come from a browser page of this server (no Origin).");
        if (string.IsNullOrEmpty(Ticket(http)))
            throw new ForbiddenException("A browser console needs a ticket: POST /api/v1/console-tickets, then connect with ?ticket=.");
    }

    /// <summary>After <see cref="CheckCaller"/>: a browser's ticket must be for this very guest and channel.</summary>
    public static void Admit(HttpContext http, ConsoleTicketService tickets, GuestRecord guest, string channel)
    {
        if (http.ViaSessionCookie())
            tickets.Redeem(Ticket(http), http.Caller(), guest, channel);
    }

    private static string Ticket(HttpContext http) => http.Request.Query["ticket"].ToString();
}
