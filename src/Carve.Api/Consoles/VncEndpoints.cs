using Carve.Api.Endpoints;
using Carve.Contracts.Consoles;
using Carve.Core.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Consoles;

/// <summary>GET /api/v1/vms/{ref}/vnc: the VM's screen as RFB over a WebSocket, as noVNC speaks it.</summary>
public static class VncEndpoints
{
    public static void MapVncEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/vms/{ref}/vnc", async (string @ref, HttpContext http, GuestStore guests, DriverRegistry drivers, ConsoleTicketService tickets, CancellationToken ct) =>
            {
                var guest = guests.ResolveKind(@ref, "vm");
                ConsoleGate.Admit(http, tickets, guest, ConsoleChannels.Vnc);
                var display = drivers.Instance(guest.Kind) as IDisplayDriver
                    ?? throw new BadRequestException($"{guest.Describe()} has no graphical screen.");
                await using var screen = await display.AttachDisplayAsync(guest, ct);
                // noVNC asks for the "binary" subprotocol; older clients ask for none.
                var protocol = http.WebSockets.WebSocketRequestedProtocols.Contains("binary") ? "binary" : null;
                using var socket = await http.WebSockets.AcceptWebSocketAsync(protocol);
                await ConsoleBridge.PumpAsync(socket, screen, ct);
            })
            .WithTags("Consoles")
            .WithSummary("The VM's screen (RFB, as QEMU's VNC server speaks it) as a WebSocket of raw bytes, for noVNC")
            .Problems();
}
