using Carve.Api.Endpoints;
using Carve.Contracts.Consoles;
using Carve.Contracts.Guests;
using Carve.Core.Consoles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Consoles;

/// <summary>
/// A kind of guest's consoles: the log of its serial port or tty, and a WebSocket per channel its kind has (the
/// console's raw bytes, the screen as RFB for noVNC, commands run inside). Each goes through the core's
/// <see cref="GuestConsoles"/>; <see cref="ConsoleGate"/> admits the upgrade.
/// </summary>
public static class ConsoleEndpoints
{
    public static void MapConsoles(this RouteGroupBuilder group, GuestKind kind, IReadOnlyList<string> channels)
    {
        foreach (var channel in channels)
        {
            var route = channel switch
            {
                ConsoleChannels.Exec => group.MapExec(kind),
                ConsoleChannels.Vnc => group.MapScreen(kind),
                _ => group.MapConsole(kind, channel),
            };
            route.WithTags("Consoles").WithSummary(Summary(kind, channel)).Problems();
        }
    }

    private static RouteHandlerBuilder MapConsole(this RouteGroupBuilder group, GuestKind kind, string channel)
    {
        group.MapGet("/{ref}/console/log", async (string @ref, GuestConsoles consoles, CancellationToken ct) =>
                TypedResults.Bytes(await consoles.ReadLogAsync(consoles.Resolve(new ConsoleRequest(@ref, kind, channel)), ct), "text/plain; charset=utf-8"))
            .WithTags("Consoles")
            .WithSummary($"What has been written to the {What(kind, channel)} so far (bounded, kept across restarts)").Problems();
        return group.MapGet("/{ref}/console", async (string @ref, HttpContext http, GuestConsoles consoles, ConsoleTicketService tickets, CancellationToken ct) =>
        {
            ConsoleGate.CheckCaller(http);
            var guest = consoles.Resolve(new ConsoleRequest(@ref, kind, channel));
            ConsoleGate.Admit(http, tickets, guest, channel);
            await using var console = await consoles.OpenAsync(guest, channel, ct);
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await ConsoleBridge.PumpAsync(socket, console, ct);
        });
    }

    private static RouteHandlerBuilder MapScreen(this RouteGroupBuilder group, GuestKind kind) =>
        group.MapGet("/{ref}/vnc", async (string @ref, HttpContext http, GuestConsoles consoles, ConsoleTicketService tickets, CancellationToken ct) =>
        {
            ConsoleGate.CheckCaller(http);
            var guest = consoles.Resolve(new ConsoleRequest(@ref, kind, ConsoleChannels.Vnc));
            ConsoleGate.Admit(http, tickets, guest, ConsoleChannels.Vnc);
            await using var screen = await consoles.OpenAsync(guest, ConsoleChannels.Vnc, ct);
            // noVNC asks for the "binary" subprotocol; older clients ask for none.
            var protocol = http.WebSockets.WebSocketRequestedProtocols.Contains("binary") ? "binary" : null;
            using var socket = await http.WebSockets.AcceptWebSocketAsync(protocol);
            await ConsoleBridge.PumpAsync(socket, screen, ct);
        });

    private static RouteHandlerBuilder MapExec(this RouteGroupBuilder group, GuestKind kind) =>
        group.MapGet("/{ref}/exec", async (string @ref, HttpContext http, GuestConsoles consoles, ConsoleTicketService tickets, CancellationToken ct) =>
        {
            ConsoleGate.CheckCaller(http);
            var guest = consoles.Resolve(new ConsoleRequest(@ref, kind, ConsoleChannels.Exec));
            ConsoleGate.Admit(http, tickets, guest, ConsoleChannels.Exec);
            consoles.RequireRunning(guest);
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var start = await ExecBridge.ReadStartAsync(socket, ct);
            if (start is null)
                return;
            await using var process = await consoles.ExecAsync(guest, start.Command, start.Environment, ct);
            await ExecBridge.PumpAsync(socket, process, ct);
        });

    private static string Summary(GuestKind kind, string channel) => channel switch
    {
        ConsoleChannels.Exec => $"Run a command in a running {kind.Noun}: a WebSocket carrying stdin, stdout, stderr and the exit code",
        ConsoleChannels.Vnc => $"The {kind.Noun}'s screen (RFB, as QEMU's VNC server speaks it) as a WebSocket of raw bytes, for noVNC",
        _ => $"The {What(kind, channel)} as a WebSocket of raw bytes",
    };

    private static string What(GuestKind kind, string channel) =>
        channel == ConsoleChannels.Serial ? $"{kind.Noun}'s serial port" : $"{kind.Noun}'s console";
}
