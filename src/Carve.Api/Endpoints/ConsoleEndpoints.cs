using Carve.Api.Consoles;
using Carve.Contracts.Consoles;
using Carve.Core.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>Consoles of VMs (serial port) and containers (their console tty): a log and a live WebSocket.</summary>
public static class ConsoleEndpoints
{
    public static void MapConsoleEndpoints(this IEndpointRouteBuilder api)
    {
        Map(api.MapGroup("/vms").WithTags("Consoles"), "vm", "VM's serial port");
        Map(api.MapGroup("/cts").WithTags("Consoles"), "ct", "container's console");
    }

    private static void Map(RouteGroupBuilder group, string kind, string what)
    {
        group.MapGet("/{ref}/console/log", async (string @ref, GuestStore guests, DriverRegistry drivers, CancellationToken ct) =>
            {
                var guest = guests.ResolveKind(@ref, kind);
                return TypedResults.Bytes(await drivers.Instance(kind).ReadConsoleLogAsync(guest, ct), "text/plain; charset=utf-8");
            })
            .WithSummary($"What has been written to the {what} so far (bounded, kept across restarts)").Problems();
        var channel = kind == "vm" ? ConsoleChannels.Serial : ConsoleChannels.Console;
        group.MapGet("/{ref}/console", async (string @ref, HttpContext http, GuestStore guests, DriverRegistry drivers, ConsoleTicketService tickets, CancellationToken ct) =>
            {
                var guest = guests.ResolveKind(@ref, kind);
                ConsoleGate.Admit(http, tickets, guest, channel);
                await using var console = await drivers.Instance(kind).AttachConsoleAsync(guest, ct);
                using var socket = await http.WebSockets.AcceptWebSocketAsync();
                await ConsoleBridge.PumpAsync(socket, console, ct);
            })
            .WithSummary($"The {what} as a WebSocket of raw bytes").Problems();
    }
}
