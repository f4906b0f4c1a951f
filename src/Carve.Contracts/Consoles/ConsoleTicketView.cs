namespace Carve.Contracts.Consoles;

/// <summary>A one-time ticket for one console WebSocket: pass it as ?ticket= on the upgrade before it expires.</summary>
public sealed record ConsoleTicketView(string Ticket, string Path, DateTimeOffset ExpiresAt);
